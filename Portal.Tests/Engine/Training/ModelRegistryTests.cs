using Portal.Engine.Feed;
using Portal.Engine.Storage;
using Portal.Engine.Training;

namespace Portal.Tests.Engine.Training;

public sealed class ModelRegistryTests
{
    private static async Task<(EngineTestDatabase Database, TrainingResult First, TrainingResult Second)> TwoVersionsAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var database = await EngineTestDatabase.CreateSeededAsync(settings: new Dictionary<string, string?> { ["Engine:Training:AutoPromote"] = "false" }, provider: provider);
        var pipeline = database.Get<TrainingPipeline>();
        var first = await pipeline.RunAsync("test");
        var second = await pipeline.RunAsync("test");
        return (database, first, second);
    }

    [Theory, EachProvider]
    public async Task Promote_ThenRollback_SwitchesWhatServes(DatabaseProvider provider)
    {
        var (database, first, second) = await TwoVersionsAsync(provider);
        await using var _ = database;
        var registry = database.Get<ModelRegistry>();
        var serving = database.Get<ServingState>();
        Assert.True(serving.Current.Model.IsBaseline);
        Assert.StartsWith("Automatic promotion is off", first.Decision, StringComparison.Ordinal);

        Assert.True((await registry.PromoteAsync(first.VersionId, "pm", "first look")).Succeeded);
        Assert.Equal(first.Version, serving.Current.Model.Version);
        Assert.True((await registry.PromoteAsync(second.VersionId, "pm", "newer")).Succeeded);
        Assert.Equal(second.Version, serving.Current.Model.Version);
        Assert.Equal(ModelStatus.Ready, (await registry.GetAsync(first.VersionId))!.Status);

        var rollback = await registry.RollbackAsync("pm", "engagement fell");

        Assert.True(rollback.Succeeded, rollback.Message);
        Assert.Equal(first.Version, serving.Current.Model.Version);
        Assert.Equal(ModelStatus.Active, (await registry.GetAsync(first.VersionId))!.Status);
        Assert.Equal(ModelStatus.Ready, (await registry.GetAsync(second.VersionId))!.Status);
    }

    [Fact]
    public async Task Promote_WithoutReasonOrUnknownVersion_IsRefused()
    {
        var (database, first, _) = await TwoVersionsAsync();
        await using var _ = database;
        var registry = database.Get<ModelRegistry>();

        Assert.False((await registry.PromoteAsync(first.VersionId, "pm", " ")).Succeeded);
        Assert.Contains("no model version 999", (await registry.PromoteAsync(999, "pm", "why not")).Message, StringComparison.Ordinal);
        Assert.True(database.Get<ServingState>().Current.Model.IsBaseline);
    }

    [Fact]
    public async Task Swap_UnderConcurrentRequests_EveryBatchIsWholeAndFromOneVersion()
    {
        var (database, first, second) = await TwoVersionsAsync();
        await using var _ = database;
        var registry = database.Get<ModelRegistry>();
        var feed = database.Get<FeedService>();
        using var stop = new CancellationTokenSource();
        var versions = new System.Collections.Concurrent.ConcurrentBag<string>();

        var readers = Enumerable.Range(0, 4).Select(t => Task.Run(async () =>
        {
            var user = 1 + t * 10;
            while (!stop.IsCancellationRequested)
            {
                var batch = (await feed.NextBatchAsync(new FeedRequest(user++ % 60 + 1, Mode: FeedMode.Preview)))!;
                Assert.Equal(8, batch.Items.Count);
                Assert.Equal(8, batch.Items.Select(i => i.VideoId).Distinct().Count());
                versions.Add(batch.ModelVersion);
            }
        })).ToList();

        for (var i = 0; i < 6; i++)
        {
            var version = i % 2 == 0 ? first : second;
            Assert.True((await registry.PromoteAsync(version.VersionId, "pm", "swap " + i)).Succeeded);

            // Let the readers see each version before the next swap.
            var seen = versions.Count(v => v == version.Version);
            for (var wait = 0; wait < 200 && versions.Count(v => v == version.Version) == seen; wait++)
            {
                await Task.Delay(25);
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        Assert.Subset(new HashSet<string> { "baseline", first.Version, second.Version }, versions.ToHashSet());
        Assert.Contains(second.Version, versions);
    }

    [Fact]
    public async Task Load_DamagedArtifact_IsRefusedAndTheBaselineServes()
    {
        var (database, first, _) = await TwoVersionsAsync();
        await using var _ = database;
        await database.Get<ModelRegistry>().PromoteAsync(first.VersionId, "pm", "serve it");
        var content = Path.Combine(database.ModelsPath, first.Version, "content.bin");
        var bytes = await File.ReadAllBytesAsync(content);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(content, bytes);

        var serving = database.Get<ServingState>();
        await serving.ReloadAsync();

        Assert.True(serving.Current.Model.IsBaseline);
        Assert.Contains("content.bin does not match its checksum", serving.ModelLoadError, StringComparison.Ordinal);
        var second = await database.Get<ModelRegistry>().RollbackAsync("pm", "try the damaged one again");
        Assert.True(serving.Current.Model.IsBaseline, second.Message);
    }

    [Fact]
    public async Task RenameCluster_ShowsAtOnceAndTheNextVersionInheritsIt()
    {
        var (database, first, _) = await TwoVersionsAsync();
        await using var _ = database;
        var registry = database.Get<ModelRegistry>();
        var serving = database.Get<ServingState>();
        await registry.PromoteAsync(first.VersionId, "pm", "serve it");

        Assert.Null(await registry.RenameClusterAsync(first.VersionId, 2, "Hoops & dunks", "moderator@portal.local"));
        Assert.Equal("Hoops & dunks", serving.Current.Model.Clusters.NameOf(2));
        Assert.NotNull(await registry.RenameClusterAsync(first.VersionId, 2, "", "x"));

        var third = await database.Get<TrainingPipeline>().RunAsync("test");
        var names = await database.Get<ModelStore>().StaffNamesAsync(third.VersionId);

        Assert.Contains("Hoops & dunks", names.Values);
    }

    [Fact]
    public async Task Prune_KeepsTheActiveAndTheNewestVersions()
    {
        var (database, first, second) = await TwoVersionsAsync();
        await using var _ = database;
        var registry = database.Get<ModelRegistry>();
        await registry.PromoteAsync(first.VersionId, "pm", "serve the older one");
        var third = await database.Get<TrainingPipeline>().RunAsync("test");

        // Keep one version beside the active one: the second, older than the third, goes.
        var options = database.Get<Microsoft.Extensions.Options.IOptions<TrainingOptions>>().Value;
        options.KeepVersions = 1;
        var pruned = await registry.PruneAsync();

        Assert.Equal(1, pruned);
        Assert.Equal(ModelStatus.Pruned, (await registry.GetAsync(second.VersionId))!.Status);
        Assert.False(Directory.Exists(Path.Combine(database.ModelsPath, second.Version)));
        Assert.True(Directory.Exists(Path.Combine(database.ModelsPath, first.Version)));
        Assert.True(Directory.Exists(Path.Combine(database.ModelsPath, third.Version)));
    }
}

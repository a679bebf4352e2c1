using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Engine.Feed;
using Portal.Engine.Storage;
using Portal.Engine.Training;
using Xunit.Abstractions;

namespace Portal.Tests.Engine.Training;

/// <summary>
/// Model versions shared through the database: a second instance (own models folder, same database) loads what the
/// first trained, damaged local files heal from the database copy, and a damaged copy is refused like a damaged folder.
/// </summary>
public sealed class ModelArtifactShareTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> ByHand = new() { ["Engine:Training:AutoPromote"] = "false" };

    /// <summary>An instance on PostgreSQL (or <paramref name="provider"/>) with <paramref name="versions"/> trained versions, none promoted.</summary>
    private static async Task<(EngineTestDatabase Database, List<TrainingResult> Versions)> TrainedAsync(
        int versions, DatabaseProvider provider = DatabaseProvider.PostgreSql, IDictionary<string, string?>? settings = null)
    {
        var database = await EngineTestDatabase.CreateSeededAsync(settings: settings ?? ByHand, provider: provider);
        var results = new List<TrainingResult>();
        for (var i = 0; i < versions; i++)
        {
            var result = await database.Get<TrainingPipeline>().RunAsync("test");
            Assert.Equal(TrainingOutcome.NotPromoted, result.Outcome);
            results.Add(result);
        }

        return (database, results);
    }

    private static async Task<List<ModelArtifactFile>> RowsAsync(EngineTestDatabase database, int versionId)
    {
        await using var db = await database.Contexts.CreateDbContextAsync();
        return await db.ModelArtifactFiles.AsNoTracking().Where(f => f.ModelVersionId == versionId).OrderBy(f => f.Name).ToListAsync();
    }

    private static async Task DamageRowAsync(EngineTestDatabase database, int versionId, string name)
    {
        await using var db = await database.Contexts.CreateDbContextAsync();
        var row = await db.ModelArtifactFiles.SingleAsync(f => f.ModelVersionId == versionId && f.Name == name);
        var content = (byte[])row.Content.Clone();
        content[content.Length / 2] ^= 0xFF;
        row.Content = content;
        await db.SaveChangesAsync();
    }

    private static void DamageFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
    }

    [Fact]
    public async Task Train_OnPostgreSql_AnotherInstanceLoadsAndServesTheVersion()
    {
        var (a, versions) = await TrainedAsync(1);
        await using var _ = a;
        var trained = versions[0];
        Assert.True((await a.Get<ModelRegistry>().PromoteAsync(trained.VersionId, "pm", "serve it")).Succeeded);

        var rows = await RowsAsync(a, trained.VersionId);
        var folder = Path.Combine(a.ModelsPath, trained.Version);
        Assert.Equal(Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal), rows.Select(r => r.Name));
        Assert.All(rows, r => Assert.Equal(new FileInfo(Path.Combine(folder, r.Name)).Length, r.Length));
        output.WriteLine($"{trained.Version}: {rows.Count} files, {rows.Sum(r => r.Length):N0} bytes; largest {rows.MaxBy(r => r.Length)!.Name} {rows.Max(r => r.Length):N0} bytes");

        await using var b = await a.AttachInstanceAsync(ByHand);
        Assert.False(Directory.Exists(Path.Combine(b.ModelsPath, trained.Version)));
        await b.StartEngineAsync();

        var serving = b.Get<ServingState>();
        Assert.Null(serving.ModelLoadError);
        Assert.Equal(trained.Version, serving.Current.Model.Version);
        Assert.NotNull(serving.Current.Model.Collaborative);
        foreach (var row in rows)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, row.Name)), await File.ReadAllBytesAsync(Path.Combine(b.ModelsPath, trained.Version, row.Name)));
        }

        Assert.DoesNotContain(Directory.GetDirectories(b.ModelsPath), d => Path.GetFileName(d).StartsWith('.'));
        var batch = (await b.Get<FeedService>().NextBatchAsync(new FeedRequest(5, Mode: FeedMode.Preview)))!;
        Assert.Equal(trained.Version, batch.ModelVersion);
        Assert.Equal(8, batch.Items.Count);
        Assert.NotNull(await b.Get<ModelStore>().ManifestAsync((await b.Get<ModelRegistry>().GetAsync(trained.VersionId))!));
    }

    [Fact]
    public async Task Load_DamagedLocalFile_HealsFromTheDatabase()
    {
        var (a, versions) = await TrainedAsync(1);
        await using var _ = a;
        var trained = versions[0];
        await a.Get<ModelRegistry>().PromoteAsync(trained.VersionId, "pm", "serve it");
        await using var b = await a.AttachInstanceAsync(ByHand);
        await b.StartEngineAsync();
        var content = Path.Combine(b.ModelsPath, trained.Version, "content.bin");
        var original = await File.ReadAllBytesAsync(content);
        DamageFile(content);

        var serving = b.Get<ServingState>();
        await serving.ReloadAsync();

        Assert.Null(serving.ModelLoadError);
        Assert.Equal(trained.Version, serving.Current.Model.Version);
        Assert.Equal(original, await File.ReadAllBytesAsync(content));
        Assert.Single(Directory.GetDirectories(b.ModelsPath));
    }

    [Fact]
    public async Task Load_DamagedLocallyAndInTheDatabase_IsRefusedAndThePreviousVersionOrPopularityServes()
    {
        var (a, versions) = await TrainedAsync(2);
        await using var _ = a;
        var (first, second) = (versions[0], versions[1]);
        await a.Get<ModelRegistry>().PromoteAsync(first.VersionId, "pm", "serve the first");
        await using var b = await a.AttachInstanceAsync(ByHand);
        await b.StartEngineAsync();
        var registry = b.Get<ModelRegistry>();
        var serving = b.Get<ServingState>();
        Assert.True((await registry.PromoteAsync(second.VersionId, "pm", "serve the second")).Succeeded);
        Assert.True((await registry.RollbackAsync("pm", "back to the first")).Succeeded);
        Assert.Equal(first.Version, serving.Current.Model.Version);

        DamageFile(Path.Combine(b.ModelsPath, second.Version, "item-factors.bin"));
        await DamageRowAsync(a, second.VersionId, "item-factors.bin");

        // Promotion on this instance is refused; the version serving before keeps serving.
        var promotion = await registry.PromoteAsync(second.VersionId, "pm", "the second again");
        Assert.False(promotion.Succeeded);
        Assert.Contains("database copy", promotion.Message, StringComparison.Ordinal);
        Assert.Equal(first.Version, serving.Current.Model.Version);

        // Made active elsewhere (the first instance's copy is whole), it cannot load here: popularity serves.
        Assert.True((await a.Get<ModelRegistry>().PromoteAsync(second.VersionId, "pm", "serve the second")).Succeeded);
        await serving.ReloadAsync();
        Assert.True(serving.Current.Model.IsBaseline);
        Assert.Contains("item-factors.bin does not match its checksum", serving.ModelLoadError, StringComparison.Ordinal);
        Assert.Contains("database copy", serving.ModelLoadError, StringComparison.Ordinal);
        Assert.Single(Directory.GetDirectories(b.ModelsPath), d => Path.GetFileName(d) == second.Version);
        Assert.DoesNotContain(Directory.GetDirectories(b.ModelsPath), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public async Task Load_ConcurrentLoadsOfAMissingVersion_AllSucceed()
    {
        var (a, versions) = await TrainedAsync(1);
        await using var _ = a;
        await using var b = await a.AttachInstanceAsync(ByHand);
        var store = b.Get<ModelStore>();
        var record = (await b.Get<ModelRegistry>().GetAsync(versions[0].VersionId))!;

        var loads = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => store.LoadArtifactsAsync(record))));

        Assert.All(loads, l => Assert.Equal(versions[0].Version, l.Manifest.Version));
        Assert.Equal([versions[0].Version], Directory.GetDirectories(b.ModelsPath).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Train_UploadFails_RunFailsAndTheActiveVersionKeepsServing()
    {
        var (a, versions) = await TrainedAsync(1);
        await using var _ = a;
        await a.Get<ModelRegistry>().PromoteAsync(versions[0].VersionId, "pm", "serve it");
        a.Get<ModelArtifactShare>().FailAfterFiles = 3;

        var failed = await a.Get<TrainingPipeline>().RunAsync("test");

        Assert.Equal(TrainingOutcome.Failed, failed.Outcome);
        Assert.Contains("Simulated failure after uploading 3", failed.Decision, StringComparison.Ordinal);
        Assert.Empty(await RowsAsync(a, failed.VersionId));
        Assert.Equal(ModelStatus.Failed, (await a.Get<ModelRegistry>().GetAsync(failed.VersionId))!.Status);
        Assert.False(Directory.Exists(Path.Combine(a.ModelsPath, failed.Version)));
        Assert.Equal(versions[0].Version, a.Get<ServingState>().Current.Model.Version);
        Assert.NotEmpty(await RowsAsync(a, versions[0].VersionId));
    }

    [Fact]
    public async Task Prune_DeletesTheDatabaseCopy()
    {
        var (a, versions) = await TrainedAsync(3);
        await using var _ = a;
        var registry = a.Get<ModelRegistry>();
        await registry.PromoteAsync(versions[0].VersionId, "pm", "serve the oldest");
        a.Get<IOptions<TrainingOptions>>().Value.KeepVersions = 1;

        Assert.Equal(1, await registry.PruneAsync());

        Assert.Equal(ModelStatus.Pruned, (await registry.GetAsync(versions[1].VersionId))!.Status);
        Assert.Empty(await RowsAsync(a, versions[1].VersionId));
        Assert.NotEmpty(await RowsAsync(a, versions[0].VersionId));
        Assert.NotEmpty(await RowsAsync(a, versions[2].VersionId));
    }

    [Fact]
    public async Task RecoverInterrupted_DeletesTheDatabaseCopyOfFailedVersions()
    {
        var (a, versions) = await TrainedAsync(2);
        await using var _ = a;
        Assert.NotEmpty(await RowsAsync(a, versions[0].VersionId));
        await using (var db = await a.Contexts.CreateDbContextAsync())
        {
            await db.ModelVersions.Where(m => m.Id == versions[0].VersionId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, ModelStatus.Failed));
        }

        await a.Get<ModelRegistry>().RecoverInterruptedAsync();

        Assert.Empty(await RowsAsync(a, versions[0].VersionId));
        Assert.NotEmpty(await RowsAsync(a, versions[1].VersionId));
    }

    [Fact]
    public async Task Train_OnSqliteByDefault_WritesNoRows()
    {
        var (a, versions) = await TrainedAsync(1, DatabaseProvider.Sqlite);
        await using var _ = a;

        Assert.False(a.Get<ModelArtifactShare>().Enabled);
        Assert.Empty(await RowsAsync(a, versions[0].VersionId));
    }

    [Fact]
    public async Task Load_OnSqliteWithSharingOn_RestoresAMissingFolder()
    {
        var (a, versions) = await TrainedAsync(1, DatabaseProvider.Sqlite, new Dictionary<string, string?>(ByHand) { ["Engine:Training:ShareArtifactsThroughDatabase"] = "true" });
        await using var _ = a;
        var trained = versions[0];
        var folder = Path.Combine(a.ModelsPath, trained.Version);
        var manifest = await File.ReadAllBytesAsync(Path.Combine(folder, "manifest.json"));
        Assert.NotEmpty(await RowsAsync(a, trained.VersionId));
        Directory.Delete(folder, recursive: true);

        Assert.True((await a.Get<ModelRegistry>().PromoteAsync(trained.VersionId, "pm", "serve it")).Succeeded);

        Assert.Equal(trained.Version, a.Get<ServingState>().Current.Model.Version);
        Assert.Equal(manifest, await File.ReadAllBytesAsync(Path.Combine(folder, "manifest.json")));
    }
}

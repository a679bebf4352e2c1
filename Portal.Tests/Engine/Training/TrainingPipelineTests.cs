using Microsoft.EntityFrameworkCore;
using Portal.Engine.Evaluation;
using Portal.Engine.Feed;
using Portal.Engine.Storage;
using Portal.Engine.Synthetic;
using Portal.Engine.Training;

namespace Portal.Tests.Engine.Training;

public sealed class TrainingPipelineTests
{
    /// <summary>Simulated users whose events are spread over time, as they would be with a real clock.</summary>
    private static Task SimulateAsync(EngineTestDatabase database, int users, int batches) =>
        database.Get<Simulator>().RunAsync(new SimulationOptions(users, batches), new Portal.Engine.Primitives.SynchronousProgress<double>(_ => database.Clock.Advance(TimeSpan.FromMinutes(1))));

    [Theory, EachProvider]
    public async Task Run_OnAGeneratedWorld_RecordsAVersionWithItsArtifactsAndServesIt(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        await SimulateAsync(database, 20, 3);
        var serving = database.Get<ServingState>();
        var lines = new List<string>();

        var result = await database.Get<TrainingPipeline>().RunAsync("test", "tester", lines.Add);

        Assert.NotEqual(TrainingOutcome.Failed, result.Outcome);
        if (!result.Promoted)
        {
            // On a world this small the baseline's hashtag groups can win the simulated A/B; the decision says so.
            Assert.StartsWith("Not promoted", result.Decision, StringComparison.Ordinal);
            Assert.True((await database.Get<ModelRegistry>().PromoteAsync(result.VersionId, "tester", "serve it for the test")).Succeeded);
        }

        Assert.Equal(result.VersionId, serving.Current.Model.VersionId);
        Assert.NotNull(serving.Current.Model.Collaborative);
        Assert.NotNull(serving.Current.Model.UserClusters);
        Assert.Equal(8, serving.Current.Model.Clusters.Count);
        Assert.Equal(["data", "content vectors", "collaborative factors", "video clusters", "user clusters", "ranker", "evaluation", "registry"], result.Steps.Select(s => s.Name));
        Assert.Contains("full.ndcg@10", result.Metrics.Keys);
        Assert.Contains("popularity.ndcg@10", result.Metrics.Keys);
        Assert.Contains("als.ndcg@10", result.Metrics.Keys);
        Assert.Contains("simulated.full.positives_per_batch", result.Metrics.Keys);
        Assert.True(File.Exists(Path.Combine(database.ModelsPath, result.Version, "manifest.json")));
        Assert.Contains(lines, l => l.Contains("collaborative factors", StringComparison.Ordinal));

        var registry = await database.Get<ModelRegistry>().ActiveAsync();
        Assert.Equal(result.VersionId, registry!.Id);
        Assert.True(result.Metrics["evaluation.users"] > 0);
        Assert.Equal(ModelStatus.Active, registry.Status);

        // The new sources serve from the trained model.
        var batch = (await database.Get<FeedService>().NextBatchAsync(new FeedRequest(5)))!;
        Assert.Equal(result.Version, batch.ModelVersion);
        Assert.Equal(8, batch.Items.Count);
    }

    [Fact]
    public async Task Run_FailingStep_LeavesTheActiveModelServing()
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync();
        var pipeline = database.Get<TrainingPipeline>();
        var serving = database.Get<ServingState>();
        var first = await pipeline.RunAsync("test");
        if (!first.Promoted)
        {
            await database.Get<ModelRegistry>().PromoteAsync(first.VersionId, "tester", "serve it for the test");
        }

        var serving1 = serving.Current.Model;

        pipeline.FailAtStep = "video clusters";
        var failed = await pipeline.RunAsync("test");

        Assert.Equal(TrainingOutcome.Failed, failed.Outcome);
        Assert.Contains("active model keeps serving", failed.Decision, StringComparison.Ordinal);
        Assert.Same(serving1, serving.Current.Model);
        Assert.Equal(first.VersionId, (await database.Get<ModelRegistry>().ActiveAsync())!.Id);
        Assert.Equal(ModelStatus.Failed, (await database.Get<ModelRegistry>().GetAsync(failed.VersionId))!.Status);
        Assert.False(Directory.Exists(Path.Combine(database.ModelsPath, failed.Version)));
        await using var db = await database.Contexts.CreateDbContextAsync();
        Assert.Equal(TrainingOutcome.Failed, (await db.TrainingRuns.SingleAsync(r => r.Id == failed.RunId)).Outcome);
    }

    [Fact]
    public async Task Run_Cancelled_LeavesTheActiveModelServing()
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync();
        var serving = database.Get<ServingState>();
        var before = serving.Current.Model;
        using var cancel = new CancellationTokenSource();
        var progress = database.Get<TrainingProgress>();
        progress.Changed += () =>
        {
            if (progress.Step == "collaborative factors")
            {
                cancel.Cancel();
            }
        };

        var result = await database.Get<TrainingPipeline>().RunAsync("test", ct: cancel.Token);

        Assert.Equal(TrainingOutcome.Cancelled, result.Outcome);
        Assert.Same(before, serving.Current.Model);
        Assert.True(serving.Current.Model.IsBaseline);
    }

    [Fact]
    public async Task Run_WhileAnotherRuns_IsRefused()
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync();
        var pipeline = database.Get<TrainingPipeline>();
        var progress = database.Get<TrainingProgress>();
        var second = new TaskCompletionSource<Exception?>();
        progress.Changed += () =>
        {
            if (progress.Step == "content vectors" && !second.Task.IsCompleted)
            {
                second.TrySetResult(Record.ExceptionAsync(() => pipeline.RunAsync("test")).GetAwaiter().GetResult());
            }
        };

        await pipeline.RunAsync("test");

        Assert.IsType<TrainingAlreadyRunningException>(await second.Task);
    }

    [Fact]
    public async Task VideoClusters_OnAGeneratedWorld_AgreeWithItsHiddenThemes()
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(WorldPresets.Small, settings: new Dictionary<string, string?>
        {
            ["Engine:Training:VideoClusters"] = "24",
            ["Engine:Training:ContentDimension"] = "32",
        });

        var result = await database.Get<TrainingPipeline>().RunAsync("test");

        var model = database.Get<ServingState>().Current.Model;
        var catalog = database.Get<ServingState>().Current.Catalog;
        await using var db = await database.Contexts.CreateDbContextAsync();
        var themes = await db.VideoTruths.ToDictionaryAsync(t => t.VideoId, t => t.Theme);
        var hidden = Enumerable.Range(0, catalog.Count).Select(v => themes[catalog.VideoIds[v]]).ToArray();
        var ari = RankingMetrics.AdjustedRandIndex(hidden, model.Clusters.ClusterOf);

        // Measured 0.74 (training seed 1) and 0.80 (seed 2) on this world with k = 24 themes; chance is 0.
        Assert.True(ari >= 0.6, $"adjusted Rand index {ari:0.000} of {result.Version}'s clusters against the hidden themes");
    }
}

using Portal.Engine.Clustering;
using Portal.Engine.Training;
using Portal.Engine.Storage;

namespace Portal.Tests.Engine.Training;

public sealed class TrainingHistoryTests
{
    [Theory, EachProvider]
    public async Task RecordAsync_Success_RecordsTheOutcomeMessageAndDuration(DatabaseProvider provider)
    {
        await using var db = await EngineTestDatabase.CreateAsync(provider: provider);
        var history = db.Get<TrainingHistory>();

        var run = await history.RecordAsync(TrainingJobs.PopularityRefresh, "schedule", null, _ => Task.FromResult("rebuilt"));

        var stored = (await history.PageAsync(0, 10)).Items.Single();
        Assert.Equal(run.Id, stored.Id);
        Assert.Equal(TrainingJobs.PopularityRefresh, stored.Job);
        Assert.Equal(TrainingOutcome.Succeeded, stored.Outcome);
        Assert.Equal("rebuilt", stored.Message);
        Assert.NotNull(stored.FinishedAt);
        Assert.Contains(TrainingJobs.PopularityRefresh, stored.StepsJson, StringComparison.Ordinal);
    }

    [Theory, EachProvider]
    public async Task RecordAsync_Failure_RecordsItAndThrowsAgainForTheJobRunnerToRetry(DatabaseProvider provider)
    {
        await using var db = await EngineTestDatabase.CreateAsync(provider: provider);
        var history = db.Get<TrainingHistory>();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            history.RecordAsync(TrainingJobs.PopularityRefresh, "manual", "pm@portal.test", _ => throw new InvalidOperationException("The database is busy.")));

        var stored = await history.LatestAsync(TrainingJobs.PopularityRefresh);
        Assert.Equal("The database is busy.", thrown.Message);
        Assert.Equal(TrainingOutcome.Failed, stored!.Outcome);
        Assert.Equal("Failed: The database is busy.", stored.Message);
        Assert.Equal("pm@portal.test", stored.RequestedBy);
    }

    [Theory, EachProvider]
    public async Task PageAsync_FiltersByJobAndPagesNewestFirst(DatabaseProvider provider)
    {
        await using var db = await EngineTestDatabase.CreateAsync(provider: provider);
        var history = db.Get<TrainingHistory>();
        for (var i = 0; i < 5; i++)
        {
            await history.RecordAsync(TrainingJobs.PopularityRefresh, "schedule", null, _ => Task.FromResult($"run {i}"));
        }

        var second = await history.PageAsync(1, 2, TrainingJobs.PopularityRefresh);
        var retrains = await history.PageAsync(0, 10, TrainingJobs.Retrain);

        Assert.Equal(5, second.Total);
        Assert.Equal(["run 2", "run 1"], second.Items.Select(r => r.Message));
        Assert.Equal(0, retrains.Total);
    }

    [Theory, EachProvider]
    public async Task ClusterInsights_Baseline_HashtagGroupsWithoutUserClusters(DatabaseProvider provider)
    {
        await using var db = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        await db.StartEngineAsync();
        var insights = db.Get<ClusterInsights>();

        var overview = insights.Overview();
        var biggest = overview.VideoClusters.MaxBy(c => c.Size)!;
        var page = insights.Videos(biggest.Cluster, 1, 5);

        Assert.True(overview.IsBaseline);
        Assert.False(overview.HasUserClusters);
        Assert.Equal(400, overview.VideoClusters.Sum(c => c.Size));
        Assert.Equal(1, overview.VideoClusters.Sum(c => c.EngagementShare), 3);
        Assert.Equal(overview.VideoClusters.Count, overview.Map.Count);
        Assert.All(overview.Map, p => Assert.InRange(p.X, -1, 1));
        Assert.StartsWith("#", biggest.Name, StringComparison.Ordinal);
        Assert.Equal(biggest.Name, biggest.TopHashtags[0].Value);
        Assert.Equal(1, biggest.TopHashtags[0].Share);
        Assert.Equal(biggest.Size, page.Total);
        Assert.Equal(5, page.Items.Count);
        Assert.True(page.Items[0].Popularity >= page.Items[^1].Popularity);
        Assert.Same(overview, insights.Overview());
    }
}

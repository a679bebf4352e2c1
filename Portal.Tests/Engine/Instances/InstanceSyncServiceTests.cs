using System.Diagnostics;
using Portal.Engine.Catalog;
using Portal.Engine.Diversity;
using Portal.Engine.Events;
using Portal.Engine.Feed;
using Portal.Engine.Instances;
using Portal.Engine.Moderation;
using Portal.Engine.Storage;
using Portal.Engine.Training;
using Xunit.Abstractions;

namespace Portal.Tests.Engine.Instances;

/// <summary>Two engine instances on one database (as on two machines): what one changes, the other serves after a sync tick.</summary>
public sealed class InstanceSyncServiceTests(ITestOutputHelper output)
{
    /// <summary>Sync is on by default on PostgreSQL; on SQLite the tests turn it on to check it works there too.</summary>
    private static Dictionary<string, string?> SyncOn(DatabaseProvider provider, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(more ?? []);
        if (provider == DatabaseProvider.Sqlite)
        {
            settings["Engine:Instances:Sync"] = "true";
        }

        return settings;
    }

    private static async Task<(EngineTestDatabase A, EngineTestDatabase B)> TwoInstancesAsync(DatabaseProvider provider, Dictionary<string, string?> settings)
    {
        var a = await EngineTestDatabase.CreateSeededAsync(settings: settings, provider: provider);
        var b = await a.AttachInstanceAsync(settings);
        await b.StartEngineAsync();
        // The first tick of each only records where things stand.
        Assert.Empty(await a.Get<InstanceSyncService>().SyncOnceAsync());
        Assert.Empty(await b.Get<InstanceSyncService>().SyncOnceAsync());
        return (a, b);
    }

    [Theory, EachProvider]
    public async Task RulesPublishedOnA_ServeOnBAfterATick(DatabaseProvider provider)
    {
        var (a, b) = await TwoInstancesAsync(provider, SyncOn(provider));
        await using var _ = a;
        await using var __ = b;
        var rulesOnB = b.Get<DiversityRulesStore>();
        Assert.Equal(1, rulesOnB.Active.Version);

        var published = await a.Get<DiversityRulesStore>().PublishAsync(new DiversityRules { MaxPerCluster = 2 }, "pm@portal.local", "Fewer repeats per topic");
        Assert.Equal(2, published.Published!.Version);

        Assert.Empty(await a.Get<InstanceSyncService>().SyncOnceAsync());
        Assert.Equal([SharedChanges.Rules], await b.Get<InstanceSyncService>().SyncOnceAsync());
        Assert.Equal(2, rulesOnB.Active.Version);
        Assert.Equal(2, rulesOnB.Active.Rules.MaxPerCluster);
        var batch = (await b.Get<FeedService>().NextBatchAsync(new FeedRequest(7, Mode: FeedMode.Preview)))!;
        Assert.Equal(2, batch.RulesVersion);
        Assert.Empty(await b.Get<InstanceSyncService>().SyncOnceAsync());
    }

    [Theory, EachProvider]
    public async Task VideoRemovedOnA_IsAbsentFromBsNextBatch(DatabaseProvider provider)
    {
        var (a, b) = await TwoInstancesAsync(provider, SyncOn(provider));
        await using var _ = a;
        await using var __ = b;
        var feedOnB = b.Get<FeedService>();
        var target = (await feedOnB.NextBatchAsync(new FeedRequest(7, Mode: FeedMode.Preview)))!.Items[0].VideoId;

        Assert.True((await a.Get<CatalogModeration>().SetVideoAsync(target, ModerationStatus.Removed, "mod@portal.local")).Succeeded);
        Assert.Equal([SharedChanges.Moderation], await b.Get<InstanceSyncService>().SyncOnceAsync());

        var next = (await feedOnB.NextBatchAsync(new FeedRequest(7, Mode: FeedMode.Preview)))!;
        Assert.DoesNotContain(next.Items, i => i.VideoId == target);

        // The reversal travels the same way.
        await a.Get<CatalogModeration>().SetVideoAsync(target, ModerationStatus.Visible, "mod@portal.local");
        Assert.Equal([SharedChanges.Moderation], await b.Get<InstanceSyncService>().SyncOnceAsync());
        var serving = b.Get<ServingState>().Current;
        Assert.True(serving.Availability.IsServable(serving.Catalog.IndexOf(target)));
    }

    /// <summary>Each instance has its own models folder: B fetches the version A trained from the database copy.</summary>
    [Fact]
    public async Task ModelPromotedOnA_ServesOnB_AndTheRollbackToo()
    {
        var settings = new Dictionary<string, string?> { ["Engine:Training:AutoPromote"] = "false" };
        var (a, b) = await TwoInstancesAsync(DatabaseProvider.PostgreSql, settings);
        await using var _ = a;
        await using var __ = b;
        var trained = await a.Get<TrainingPipeline>().RunAsync("test");
        Assert.True((await a.Get<ModelRegistry>().PromoteAsync(trained.VersionId, "pm", "first look")).Succeeded);
        Assert.True(b.Get<ServingState>().Current.Model.IsBaseline);

        Assert.Equal([SharedChanges.Model], await b.Get<InstanceSyncService>().SyncOnceAsync());
        Assert.Equal(trained.Version, b.Get<ServingState>().Current.Model.Version);
        var batch = (await b.Get<FeedService>().NextBatchAsync(new FeedRequest(7, Mode: FeedMode.Preview)))!;
        Assert.Equal(trained.Version, batch.ModelVersion);

        Assert.Null(await a.Get<ModelRegistry>().RenameClusterAsync(trained.VersionId, 0, "Bunnies", "pm"));
        Assert.Equal([SharedChanges.Model], await b.Get<InstanceSyncService>().SyncOnceAsync());
        Assert.Equal("Bunnies", b.Get<ServingState>().Current.Model.Clusters.NameOf(0));

        Assert.True((await a.Get<ModelRegistry>().RollbackAsync("pm", "engagement fell")).Succeeded);
        Assert.Equal([SharedChanges.Model], await b.Get<InstanceSyncService>().SyncOnceAsync());
        Assert.True(b.Get<ServingState>().Current.Model.IsBaseline);
    }

    [Theory, EachProvider]
    public async Task UserCreatedOnA_GetsAFeedAndTakesEventsOnBAtOnce(DatabaseProvider provider)
    {
        var (a, b) = await TwoInstancesAsync(provider, SyncOn(provider));
        await using var _ = a;
        await using var __ = b;

        var created = (await a.Get<UserDirectory>().CreateAsync(new NewUser(null, "en", "US", "ios"))).User!;

        // No tick needed: B looks an unknown id up in the database.
        var batch = await b.Get<FeedService>().NextBatchAsync(new FeedRequest(created.Id));
        Assert.NotNull(batch);
        Assert.True(batch.ColdStart);
        var stored = await b.Get<EventIngestor>().IngestAsync([new IncomingEvent(created.Id, batch.Items[0].VideoId, "like", At: b.Clock.GetUtcNow().UtcDateTime)]);
        Assert.Equal(1, stored.Accepted);

        // A personalisation switch made on A reaches B's directory at the next tick.
        Assert.True(await a.Get<UserDirectory>().SetPersonalizedAsync(created.Id, false));
        Assert.Contains(SharedChanges.Users, await b.Get<InstanceSyncService>().SyncOnceAsync());
        Assert.True(b.Get<UserDirectory>().TryGet(created.Id, out var profile));
        Assert.False(profile.Personalized);
    }

    [Theory, EachProvider]
    public async Task EventsPostedOnA_CountInBsNextBatch_ExactlyOnce(DatabaseProvider provider)
    {
        var (a, b) = await TwoInstancesAsync(provider, SyncOn(provider));
        await using var _ = a;
        await using var __ = b;
        const long user = 7;
        var feedOnA = a.Get<FeedService>();
        var feedOnB = b.Get<FeedService>();
        var first = (await feedOnB.NextBatchAsync(new FeedRequest(user)))!;
        var stateOnB = await b.Get<UserStateStore>().GetAsync(user, b.Get<ServingState>().Current.Catalog);
        var (engagements, batches) = (stateOnB.EngagementCount, stateOnB.BatchesServed);

        // The app asks A for a batch and reports what the user did with it to A.
        var onA = (await feedOnA.NextBatchAsync(new FeedRequest(user)))!;
        var at = a.Clock.GetUtcNow().UtcDateTime;
        var ingested = await a.Get<EventIngestor>().IngestAsync(
            [.. onA.Items.Select(i => new IncomingEvent(user, i.VideoId, "impression", At: at)), .. onA.Items.Take(3).Select(i => new IncomingEvent(user, i.VideoId, "like", At: at))]);
        Assert.Equal(onA.Items.Count + 3, ingested.Accepted);
        await a.Get<ServedLog>().FlushAsync();

        var clock = Stopwatch.StartNew();
        var next = (await feedOnB.NextBatchAsync(new FeedRequest(user)))!;
        output.WriteLine($"{provider}: a batch with catch-up took {clock.Elapsed.TotalMilliseconds:F1} ms");

        Assert.DoesNotContain(next.Items, i => onA.Items.Any(seen => seen.VideoId == i.VideoId) || first.Items.Any(seen => seen.VideoId == i.VideoId));
        Assert.Equal(engagements + 3, stateOnB.EngagementCount);
        Assert.Equal(batches + 2, stateOnB.BatchesServed);

        // B's own batches, read back from the served log, and events already applied are not counted again.
        await b.Get<ServedLog>().FlushAsync();
        var timings = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            clock.Restart();
            var caughtUp = await b.Get<UserStateStore>().CatchUpAsync(stateOnB, b.Get<ServingState>().Current.Catalog);
            timings.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Equal((0, 0), caughtUp);
        }

        output.WriteLine($"{provider}: a catch-up with nothing new took {timings.Order().ElementAt(timings.Count / 2):F2} ms (median of {timings.Count})");
        await feedOnB.NextBatchAsync(new FeedRequest(user));
        Assert.Equal(engagements + 3, stateOnB.EngagementCount);
        Assert.Equal(batches + 3, stateOnB.BatchesServed);

        // Events B stores itself count once too, whether the catch-up or the ingestor gets there first.
        var own = await b.Get<EventIngestor>().IngestAsync([new IncomingEvent(user, next.Items[0].VideoId, "like", At: b.Clock.GetUtcNow().UtcDateTime)]);
        Assert.Equal(1, own.Accepted);
        await feedOnB.NextBatchAsync(new FeedRequest(user));
        Assert.Equal(engagements + 4, stateOnB.EngagementCount);
    }

    [Fact]
    public async Task Sqlite_ByDefault_DoesNotSyncAndChangesNothing()
    {
        var (a, b) = await TwoInstancesAsync(DatabaseProvider.Sqlite, []);
        await using var _ = a;
        await using var __ = b;
        Assert.False(b.Get<InstanceSyncService>().Enabled);
        Assert.False(b.Get<UserStateStore>().SyncEnabled);
        var stateOnB = await b.Get<UserStateStore>().GetAsync(7, b.Get<ServingState>().Current.Catalog);
        var engagements = stateOnB.EngagementCount;

        await a.Get<DiversityRulesStore>().PublishAsync(new DiversityRules { MaxPerCluster = 2 }, "pm", "try");
        var created = (await a.Get<UserDirectory>().CreateAsync(new NewUser(null, "en", "US", "ios"))).User!;
        var video = (await a.Get<FeedService>().NextBatchAsync(new FeedRequest(7, Mode: FeedMode.Preview)))!.Items[0].VideoId;
        await a.Get<EventIngestor>().IngestAsync([new IncomingEvent(7, video, "like", At: a.Clock.GetUtcNow().UtcDateTime)]);

        Assert.Empty(await b.Get<InstanceSyncService>().SyncOnceAsync());
        Assert.Equal(1, b.Get<DiversityRulesStore>().Active.Version);
        Assert.Null(await b.Get<FeedService>().NextBatchAsync(new FeedRequest(created.Id)));
        await b.Get<FeedService>().NextBatchAsync(new FeedRequest(7));
        Assert.Equal(engagements, stateOnB.EngagementCount);
    }
}

using Portal.Engine.Catalog;
using Portal.Engine.Diversity;
using Portal.Engine.Events;
using Portal.Engine.Feed;
using Portal.Engine.Synthetic;
using Portal.Engine.Storage;

namespace Portal.Tests.Engine.Feed;

public sealed class FeedServiceTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(21)]
    [InlineData(99)]
    public async Task NextBatch_EveryUserOfAWorld_EightDistinctEligibleVideosAndNoUnreportedRuleBroken(int seed)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(seed: seed);
        var feed = database.Get<FeedService>();
        var users = database.Get<UserDirectory>();
        var serving = database.Get<ServingState>();
        var states = database.Get<UserStateStore>();

        for (long userId = 1; userId <= WorldPresets.Tiny.Users; userId++)
        {
            users.TryGet(userId, out var profile);
            var state = await states.GetAsync(userId, serving.Current.Catalog);
            var seenBefore = state.Seen.ToHashSet();
            var batch = (await feed.NextBatchAsync(new FeedRequest(userId)))!;

            FeedAssertions.Eligible(batch, profile, seenBefore, serving.Current);
            FeedAssertions.RulesKeptUnlessRelaxed(batch, batch.ColdStart ? FeedService.ColdStartRules(new DiversityRules()) : new DiversityRules(), serving.Current);
            if (batch.Items.Count < FeedOptions.BatchSize)
            {
                Assert.NotNull(batch.Shortfall);
            }
            else
            {
                Assert.Null(batch.Shortfall);
            }
        }
    }

    [Theory, EachProvider]
    public async Task NextBatch_ManyBatchesForOneUser_NeverShowsAVideoTwice(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var feed = database.Get<FeedService>();
        var shown = new HashSet<int>();

        for (var i = 0; i < 12; i++)
        {
            var batch = (await feed.NextBatchAsync(new FeedRequest(5)))!;
            foreach (var item in batch.Items)
            {
                Assert.True(shown.Add(item.VideoId), $"video {item.VideoId} came back in batch {i + 1}");
            }
        }
    }

    [Theory, EachProvider]
    public async Task NextBatch_NewUser_ColdStartSpansEightGroupsSoundsAndCreatorsInTheirLanguage(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var created = await database.Get<UserDirectory>().CreateAsync(new NewUser(null, "pt", "BR", "android"));

        var batch = (await database.Get<FeedService>().NextBatchAsync(new FeedRequest(created.User!.Id)))!;

        Assert.True(batch.ColdStart);
        Assert.Equal(8, batch.Items.Count);
        Assert.Equal(8, batch.Items.Select(i => i.Cluster).Distinct().Count());
        Assert.Equal(8, batch.Items.Select(i => i.SoundId).Distinct().Count());
        Assert.Equal(8, batch.Items.Select(i => i.CreatorId).Distinct().Count());
        Assert.All(batch.Items, i => Assert.True(i.Language is null || i.Language == "pt"));
        Assert.All(batch.Items, i => Assert.Contains(i.Reasons, r => r.Source == "popular"));
        Assert.Empty(batch.Relaxed);
    }

    [Theory, EachProvider]
    public async Task NextBatch_AfterLikingThreeBasketballVideos_HoldsMoreBasketballThanBefore(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(WorldPresets.Small, provider: provider);
        var feed = database.Get<FeedService>();
        var catalog = database.Get<ServingState>().Current.Catalog;
        var user = (await database.Get<UserDirectory>().CreateAsync(new NewUser(null, "en", "US", "ios"))).User!;

        var before = (await feed.NextBatchAsync(new FeedRequest(user.Id)))!;
        var basketball = Enumerable.Range(0, catalog.Count)
            .Where(v => catalog.DominantHashtagOf(v) == catalog.HashtagIndexOf("basketball") && catalog.LanguageOf[v] is var l && (l == 0 || catalog.Languages[l] == "en"))
            .Select(v => catalog.VideoIds[v])
            .Where(id => before.Items.All(i => i.VideoId != id))
            .Take(3)
            .ToList();
        Assert.Equal(3, basketball.Count);

        var at = database.Clock.GetUtcNow().UtcDateTime;
        var events = basketball.SelectMany(id => new IncomingEvent[]
        {
            new(user.Id, id, "impression", At: at),
            new(user.Id, id, "watch", 1.0, at),
            new(user.Id, id, "like", At: at),
        }).ToList();
        var ingested = await database.Get<EventIngestor>().IngestAsync(events);
        Assert.True(ingested.Succeeded);

        var after = (await feed.NextBatchAsync(new FeedRequest(user.Id)))!;

        int Basketball(FeedBatch batch) => batch.Items.Count(i => i.Hashtags.Count > 0 && i.Hashtags[0] == "basketball");
        Assert.False(after.ColdStart);
        Assert.True(Basketball(after) > Basketball(before), $"basketball before: {Basketball(before)}, after: {Basketball(after)}");
        Assert.Contains(after.Items, i => i.Reasons.Any(r => r.Source is "similarContent" or "creators" or "coEngagement"));
    }

    [Theory, EachProvider]
    public async Task NextBatch_AfterNotInterested_DropsTheVideoAndKeepsItsCreatorAndSoundAway(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var feed = database.Get<FeedService>();
        var catalog = database.Get<ServingState>().Current.Catalog;
        const long userId = 12;
        var first = (await feed.NextBatchAsync(new FeedRequest(userId)))!;
        var disliked = first.Items[0];

        var at = database.Clock.GetUtcNow().UtcDateTime;
        await database.Get<EventIngestor>().IngestAsync([new IncomingEvent(userId, disliked.VideoId, "notInterested", At: at)]);

        for (var i = 0; i < 4; i++)
        {
            var next = (await feed.NextBatchAsync(new FeedRequest(userId)))!;
            Assert.DoesNotContain(next.Items, item => item.VideoId == disliked.VideoId);
            Assert.DoesNotContain(next.Items, item => item.CreatorId == disliked.CreatorId);
            Assert.DoesNotContain(next.Items, item => item.SoundId == disliked.SoundId);
        }

        // The fatigue wears off after its configured time: the state says the creator is no longer held back.
        database.Clock.Advance(TimeSpan.FromHours(73));
        var state = await database.Get<UserStateStore>().GetAsync(userId, catalog);
        Assert.True(state.CreatorFatigueUntil[disliked.CreatorId] < Portal.Engine.Storage.UtcDateTimeConverter.ToUnixMilliseconds(database.Clock.GetUtcNow().UtcDateTime));
    }

    [Theory, EachProvider]
    public async Task NextBatch_ModeratedVideo_NeverAppears(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var serving = database.Get<ServingState>();
        var feed = database.Get<FeedService>();
        var preview = (await feed.NextBatchAsync(new FeedRequest(3, Mode: FeedMode.Preview)))!;
        var target = preview.Items[0].VideoId;

        var snapshot = serving.Current;
        var removedInWorld = Enumerable.Range(0, snapshot.Catalog.Count).Where(v => snapshot.Catalog.Moderation[v] != ModerationStatus.Visible).Select(v => snapshot.Catalog.VideoIds[v]).ToHashSet();
        serving.ApplyAvailability(a => a.WithVideo(snapshot.Catalog.IndexOf(target), ModerationStatus.Removed));

        var next = (await feed.NextBatchAsync(new FeedRequest(3)))!;
        Assert.DoesNotContain(next.Items, i => i.VideoId == target);
        for (long userId = 1; userId <= 30; userId++)
        {
            var batch = (await feed.NextBatchAsync(new FeedRequest(userId)))!;
            Assert.DoesNotContain(batch.Items, i => i.VideoId == target || removedInWorld.Contains(i.VideoId));
        }
    }

    [Theory, EachProvider]
    public async Task Preview_ChangesNothingForTheUser(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var feed = database.Get<FeedService>();

        var first = (await feed.NextBatchAsync(new FeedRequest(8, Mode: FeedMode.Preview)))!;
        var second = (await feed.NextBatchAsync(new FeedRequest(8, Mode: FeedMode.Preview, RequestId: first.RequestId)))!;
        var served = (await feed.NextBatchAsync(new FeedRequest(8, RequestId: first.RequestId)))!;

        Assert.Equal(first.Items.Select(i => i.VideoId), second.Items.Select(i => i.VideoId));
        Assert.Equal(first.Items.Select(i => i.VideoId), served.Items.Select(i => i.VideoId));
        Assert.Equal(first.BatchNumber, served.BatchNumber);
    }

    [Theory, EachProvider]
    public async Task Build_SameRequestIdAndState_ReproducesTheBatchItemForItem(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var feed = database.Get<FeedService>();
        var serving = database.Get<ServingState>();
        var rules = database.Get<DiversityRulesStore>();
        database.Get<UserDirectory>().TryGet(9, out var profile);
        var state = await database.Get<UserStateStore>().GetAsync(9, serving.Current.Catalog);
        var requestId = Guid.NewGuid();
        var now = database.Clock.GetUtcNow().UtcDateTime;

        var a = feed.Build(profile, state.Clone(), serving.Current, rules.Active, new FeedRequest(9, Mode: FeedMode.Replay, RequestId: requestId), now);
        var b = feed.Build(profile, state.Clone(), serving.Current, rules.Active, new FeedRequest(9, Mode: FeedMode.Replay, RequestId: requestId), now);

        Assert.Equal(a.Items.Select(i => (i.VideoId, i.Position, i.Score)), b.Items.Select(i => (i.VideoId, i.Position, i.Score)));
    }

    [Theory, EachProvider]
    public async Task NextBatch_UnknownUser_IsNull(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);

        Assert.Null(await database.Get<FeedService>().NextBatchAsync(new FeedRequest(987_654)));
    }

    [Theory, EachProvider]
    public async Task NextBatch_RulesTooStrictForTheCatalog_RelaxesThemInOrderAndSaysSo(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var rules = database.Get<DiversityRulesStore>();
        await rules.PublishAsync(new DiversityRules { CreatorCooldown = 200, SoundCooldown = 200, MinDistinctClusters = 8, MaxPerCluster = 1 }, "test", "as strict as it gets");
        var feed = database.Get<FeedService>();

        var relaxedSeen = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var batch = (await feed.NextBatchAsync(new FeedRequest(4)))!;
            relaxedSeen.AddRange(batch.Relaxed);
            if (batch.Relaxed.Any(r => r != nameof(DiversityRules.ExplorationSlots)))
            {
                Assert.Contains(batch.Items, item => item.RuleEffects.Any(e => e.StartsWith("Relaxed", StringComparison.Ordinal)));
                var order = DiversityRules.RelaxationOrder.ToList();
                var indices = batch.Relaxed.Where(r => r != nameof(DiversityRules.ExplorationSlots)).Select(r => order.IndexOf(r)).ToList();
                Assert.Equal(indices.Order(), indices);
            }
        }

        Assert.Contains(nameof(DiversityRules.SoundCooldown), relaxedSeen);
    }

    [Theory, EachProvider]
    public async Task NextBatch_NonPersonalisedUser_UsesOnlyPopularityAndSaysSo(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var users = database.Get<UserDirectory>();
        await users.SetPersonalizedAsync(6, false);

        var batch = (await database.Get<FeedService>().NextBatchAsync(new FeedRequest(6)))!;

        Assert.False(batch.Personalized);
        Assert.All(batch.Items, i => Assert.All(i.Reasons, r => Assert.Contains(r.Source, new[] { "nonPersonalized", "coldStart", "popular", "trending" })));
    }

    [Theory, EachProvider]
    public async Task Sandbox_MarkingLikes_ChangesTheNextBatchButNotTheRealUser(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var feed = database.Get<FeedService>();
        var serving = database.Get<ServingState>();
        var rules = database.Get<DiversityRulesStore>();
        var realState = await database.Get<UserStateStore>().GetAsync(30, serving.Current.Catalog);
        var realEngagements = realState.EngagementCount;
        var realSeen = realState.Seen.Count;

        var sandbox = (await feed.CreateSandboxAsync(30, "tester"))!;
        var first = sandbox.Next(serving, rules, database.Clock);
        foreach (var item in first.Items.Take(3))
        {
            sandbox.Mark(item.VideoId, EngagementKind.Like, serving, database.Clock);
        }

        var second = sandbox.Next(serving, rules, database.Clock);

        Assert.Empty(first.Items.Select(i => i.VideoId).Intersect(second.Items.Select(i => i.VideoId)));
        Assert.Equal(realEngagements, realState.EngagementCount);
        Assert.Equal(realSeen, realState.Seen.Count);
    }
}

using Portal.Engine.Diversity;
using Portal.Engine.Feed;
using Portal.Engine.Storage;

namespace Portal.Tests.Engine.Diversity;

public sealed class DiversityRulesStoreTests
{
    [Theory, EachProvider]
    public async Task Load_EmptyDatabase_PublishesVersionOneFromConfiguration(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateAsync(new Dictionary<string, string?> { ["Engine:Diversity:MaxPerCluster"] = "2" }, provider: provider);
        var store = database.Get<DiversityRulesStore>();

        await store.LoadAsync();

        Assert.Equal(1, store.Active.Version);
        Assert.Equal(2, store.Active.Rules.MaxPerCluster);
        Assert.Equal("system", store.Active.Author);
    }

    [Theory, EachProvider]
    public async Task Publish_ValidRules_BecomesTheNextActiveVersionWithAuthorAndReason(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateAsync(provider: provider);
        var store = database.Get<DiversityRulesStore>();
        await store.LoadAsync();

        var result = await store.PublishAsync(new DiversityRules { MaxPerCluster = 2 }, "pm@portal.local", "Fewer repeats per topic");

        Assert.True(result.Succeeded);
        Assert.Equal(2, store.Active.Version);
        Assert.Equal(2, store.Active.Rules.MaxPerCluster);
        var history = await store.HistoryAsync();
        Assert.Equal([2, 1], history.Select(h => h.Version));
        Assert.Equal("Fewer repeats per topic", history[0].Reason);
    }

    [Theory, EachProvider]
    public async Task Publish_InvalidRulesOrNoReason_IsRefusedAndTheActiveVersionStays(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateAsync(provider: provider);
        var store = database.Get<DiversityRulesStore>();
        await store.LoadAsync();

        var result = await store.PublishAsync(new DiversityRules { MaxPerCreator = 0 }, "pm@portal.local", " ");

        Assert.False(result.Succeeded);
        Assert.Contains("maxPerCreator", result.Errors.Keys);
        Assert.Contains("reason", result.Errors.Keys);
        Assert.Equal(1, store.Active.Version);
        Assert.Single(await store.HistoryAsync());
    }

    [Theory, EachProvider]
    public async Task Rollback_PublishesTheOldRulesAsANewVersion(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateAsync(provider: provider);
        var store = database.Get<DiversityRulesStore>();
        await store.LoadAsync();
        await store.PublishAsync(new DiversityRules { MaxPerCluster = 1 }, "pm", "try one per group");

        var result = await store.RollbackAsync(1, "pm", "engagement fell");

        Assert.True(result.Succeeded);
        Assert.Equal(3, store.Active.Version);
        Assert.Equal(new DiversityRules().MaxPerCluster, store.Active.Rules.MaxPerCluster);
        Assert.StartsWith("Rollback to version 1", store.Active.Reason);
    }

    [Theory, EachProvider]
    public async Task Publish_AppliesFromTheNextFeedRequest(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(Portal.Engine.Synthetic.WorldPresets.Small, provider: provider);
        var feed = database.Get<FeedService>();
        var store = database.Get<DiversityRulesStore>();
        var before = (await feed.NextBatchAsync(new FeedRequest(20, Mode: FeedMode.Preview)))!;

        await store.PublishAsync(new DiversityRules { MaxPerCluster = 1, MinDistinctClusters = 8, ExplorationSlots = 0 }, "pm", "spread every batch");
        var after = (await feed.NextBatchAsync(new FeedRequest(20, Mode: FeedMode.Preview)))!;

        Assert.Equal(1, before.RulesVersion);
        Assert.Equal(2, after.RulesVersion);
        Assert.Equal(after.Items.Count, after.Items.Select(i => i.Cluster).Distinct().Count());
    }
}

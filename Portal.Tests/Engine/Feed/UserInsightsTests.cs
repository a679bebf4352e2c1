using Portal.Engine.Catalog;
using Portal.Engine.Events;
using Portal.Engine.Feed;

namespace Portal.Tests.Engine.Feed;

public sealed class UserInsightsTests
{
    [Fact]
    public async Task Get_AfterLikesInOneGroup_PutsThatGroupFirst()
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync();
        var catalog = database.Get<ServingState>().Current.Catalog;
        var user = (await database.Get<UserDirectory>().CreateAsync(new NewUser(null, "en", "GB", "ios"))).User!;
        var cooking = Enumerable.Range(0, catalog.Count).Where(v => catalog.DominantHashtagOf(v) == catalog.HashtagIndexOf("cooking")).Take(4).Select(v => catalog.VideoIds[v]).ToList();
        var at = database.Clock.GetUtcNow().UtcDateTime;
        await database.Get<EventIngestor>().IngestAsync(cooking.Select(id => new IncomingEvent(user.Id, id, "like", At: at)).ToList());

        var insight = (await database.Get<UserInsights>().GetAsync(user.Id))!;

        Assert.Equal("#cooking", insight.TopClusters[0].Name);
        Assert.Equal(4, insight.Engagements);
        Assert.True(insight.ColdStart);
        Assert.NotEmpty(insight.TopCreators);
    }

    [Fact]
    public async Task Get_UnknownUser_IsNull()
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync();

        Assert.Null(await database.Get<UserInsights>().GetAsync(123_456));
    }
}

using Portal.Engine.Events;
using Portal.Engine.Feed;
using Portal.Engine.Storage;

namespace Portal.Tests.Engine.Events;

public sealed class UserStateStoreTests
{
    [Theory, EachProvider]
    public async Task Load_AfterARestart_RebuildsTheSameStateFromEventsAndTheServedLog(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var serving = database.Get<ServingState>();
        var feed = database.Get<FeedService>();
        await feed.NextBatchAsync(new FeedRequest(14));
        await feed.NextBatchAsync(new FeedRequest(14));
        await database.Get<EventIngestor>().IngestAsync([new IncomingEvent(14, 33, "like", At: database.Clock.GetUtcNow().UtcDateTime)]);
        await database.Get<ServedLog>().FlushAsync();
        var live = await database.Get<UserStateStore>().GetAsync(14, serving.Current.Catalog);

        // A restart: a new store reads everything back from the database.
        database.Get<UserStateStore>().Clear();
        var rebuilt = await database.Get<UserStateStore>().GetAsync(14, serving.Current.Catalog);

        Assert.NotSame(live, rebuilt);
        Assert.Equal(live.EngagementCount, rebuilt.EngagementCount);
        Assert.Equal(live.Seen.Order(), rebuilt.Seen.Order());
        Assert.Equal(live.BatchesServed, rebuilt.BatchesServed);
        Assert.Equal(live.RecentServedCreators, rebuilt.RecentServedCreators);
        Assert.Equal(live.Follows.Order(), rebuilt.Follows.Order());
        Assert.Equal(live.Recent.Select(r => (r.VideoId, r.Kind)), rebuilt.Recent.Select(r => (r.VideoId, r.Kind)));
    }
}

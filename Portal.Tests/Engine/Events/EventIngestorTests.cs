using Microsoft.EntityFrameworkCore;
using Portal.Engine.Events;
using Portal.Engine.Feed;
using Portal.Engine.Storage;

namespace Portal.Tests.Engine.Events;

public sealed class EventIngestorTests
{
    [Theory, EachProvider]
    public async Task Ingest_ValidBatch_StoresEveryEventCountsItPerDayAndUpdatesTheUserAtOnce(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var ingestor = database.Get<EventIngestor>();
        var serving = database.Get<ServingState>();
        var state = await database.Get<UserStateStore>().GetAsync(2, serving.Current.Catalog);
        var engagementsBefore = state.EngagementCount;
        var at = database.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
        int eventsBefore, likesTodayBefore;
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            eventsBefore = await db.Events.CountAsync();
            likesTodayBefore = (int)await db.EventDailyCounts.Where(c => c.Day == DateOnly.FromDateTime(at) && c.Kind == EngagementKind.Like).SumAsync(c => c.Count);
        }

        var result = await ingestor.IngestAsync(
        [
            new IncomingEvent(2, 10, "impression", At: at),
            new IncomingEvent(2, 10, "watch", 0.9, at),
            new IncomingEvent(2, 10, "like", At: at),
            new IncomingEvent(2, 11, "notInterested", At: at, Device: "web"),
        ]);

        Assert.True(result.Succeeded);
        Assert.Equal(4, result.Accepted);
        Assert.Equal(engagementsBefore + 3, state.EngagementCount);
        Assert.Contains(10, state.Seen);
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            Assert.Equal(eventsBefore + 4, await db.Events.CountAsync());
            Assert.Equal(likesTodayBefore + 1, await db.EventDailyCounts.Where(c => c.Day == DateOnly.FromDateTime(at) && c.Kind == EngagementKind.Like).SumAsync(c => c.Count));
            var stored = await db.Events.OrderByDescending(e => e.Id).FirstAsync();
            Assert.Equal(EngagementKind.NotInterested, stored.Kind);
            Assert.Equal(Portal.Engine.Catalog.DeviceType.Web, stored.Device);
        }
    }

    [Theory, EachProvider]
    public async Task Ingest_OneBadRow_RefusesTheWholeBatchWithAMessagePerFieldAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var at = database.Clock.GetUtcNow().UtcDateTime;
        int before;
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            before = await db.Events.CountAsync();
        }

        var result = await database.Get<EventIngestor>().IngestAsync(
        [
            new IncomingEvent(1, 10, "like", At: at),
            new IncomingEvent(1, 10, "superlike", At: at),
            new IncomingEvent(1, 10, "watch", 1.5, at),
            new IncomingEvent(1, 10, "watch", double.NaN, at),
            new IncomingEvent(1, 10, "like", At: at.AddHours(2)),
            new IncomingEvent(null, null, null),
            new IncomingEvent(1, 10, "like", At: at, Device: "fridge"),
        ]);

        Assert.False(result.Succeeded);
        Assert.False(result.NotFound);
        Assert.Equal(0, result.Accepted);
        Assert.Contains("not a kind of event", result.Errors["events[1].kind"][0]);
        Assert.Contains("between 0 and 1", result.Errors["events[2].watchFraction"][0]);
        Assert.Contains("events[3].watchFraction", result.Errors.Keys);
        Assert.Contains("in the future", result.Errors["events[4].at"][0]);
        Assert.Contains("events[5].userId", result.Errors.Keys);
        Assert.Contains("events[5].videoId", result.Errors.Keys);
        Assert.Contains("events[5].kind", result.Errors.Keys);
        Assert.Contains("events[6].device", result.Errors.Keys);
        Assert.DoesNotContain("events[0].kind", result.Errors.Keys);
        await using var check = await database.Contexts.CreateDbContextAsync();
        Assert.Equal(before, await check.Events.CountAsync());
    }

    [Theory, EachProvider]
    public async Task Ingest_UnknownUserOrVideo_IsNotFound(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);

        var result = await database.Get<EventIngestor>().IngestAsync([new IncomingEvent(404_404, 10, "like"), new IncomingEvent(1, 999_999, "like")]);

        Assert.True(result.NotFound);
        Assert.Contains("There is no user 404404", result.Errors["events[0].userId"][0]);
        Assert.Contains("There is no video 999999", result.Errors["events[1].videoId"][0]);
    }

    [Theory, EachProvider]
    public async Task Ingest_MoreThanTheLimit_IsRefused(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var events = Enumerable.Range(0, 1_001).Select(_ => new IncomingEvent(1, 10, "impression")).ToList();

        var result = await database.Get<EventIngestor>().IngestAsync(events);

        Assert.Contains("At most 1,000 events", result.Errors["events"][0]);
    }

    [Theory, EachProvider]
    public async Task Ingest_Empty_IsRefused(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);

        Assert.Contains("events", (await database.Get<EventIngestor>().IngestAsync([])).Errors.Keys);
    }

    [Theory, EachProvider]
    public async Task Ingest_ConcurrentBatches_AllLandOnce(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var ingestor = database.Get<EventIngestor>();
        int before;
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            before = await db.Events.CountAsync();
        }

        var at = database.Clock.GetUtcNow().UtcDateTime;
        var tasks = Enumerable.Range(0, 20).Select(i => ingestor.IngestAsync(Enumerable.Range(0, 50).Select(j => new IncomingEvent(1 + (i + j) % 50, 1 + j, "impression", At: at)).ToList()));
        var results = await Task.WhenAll(tasks);

        Assert.All(results, r => Assert.True(r.Succeeded));
        await using var check = await database.Contexts.CreateDbContextAsync();
        Assert.Equal(before + 1_000, await check.Events.CountAsync());
    }
}

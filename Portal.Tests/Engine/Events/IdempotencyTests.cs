using Microsoft.EntityFrameworkCore;
using Portal.Engine.Events;
using Portal.Engine.Storage;

namespace Portal.Tests.Engine.Events;

public sealed class IdempotencyTests
{
    private static List<IncomingEvent> Batch(DateTime at, int video = 10) =>
        [new IncomingEvent(1, video, "impression", At: at), new IncomingEvent(1, video, "like", At: at)];

    [Theory, EachProvider]
    public async Task Retry_WithTheSameKeyAndEvents_StoresNothingTwice(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var ingestor = database.Get<EventIngestor>();
        var at = database.Clock.GetUtcNow().UtcDateTime;
        var before = await CountAsync(database);

        var first = await ingestor.IngestAsync(Batch(at), "batch-0001");
        var retry = await ingestor.IngestAsync(Batch(at), "batch-0001");

        Assert.True(first.Succeeded);
        Assert.False(first.Replayed);
        Assert.True(retry.Succeeded);
        Assert.True(retry.Replayed);
        Assert.Equal(2, retry.Accepted);
        Assert.Equal(before + 2, await CountAsync(database));
    }

    [Theory, EachProvider]
    public async Task SameKey_WithOtherEvents_IsRefused(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var ingestor = database.Get<EventIngestor>();
        var at = database.Clock.GetUtcNow().UtcDateTime;
        await ingestor.IngestAsync(Batch(at), "k-1");
        var before = await CountAsync(database);

        var other = await ingestor.IngestAsync(Batch(at, video: 11), "k-1");

        Assert.True(other.KeyConflict);
        Assert.Contains("idempotencyKey", other.Errors.Keys);
        Assert.Equal(before, await CountAsync(database));
    }

    [Theory, EachProvider]
    public async Task ConcurrentRetries_StoreTheBatchOnce(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var ingestor = database.Get<EventIngestor>();
        var at = database.Clock.GetUtcNow().UtcDateTime;
        var before = await CountAsync(database);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ingestor.IngestAsync(Batch(at), "same-key")));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Single(results, r => !r.Replayed);
        Assert.Equal(before + 2, await CountAsync(database));
    }

    [Theory]
    [InlineData("")]
    [InlineData("with space")]
    [InlineData("ünïcode")]
    public async Task MalformedKey_IsRefused(string key)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync();

        var result = await database.Get<EventIngestor>().IngestAsync(Batch(database.Clock.GetUtcNow().UtcDateTime), key);

        Assert.Contains("idempotencyKey", result.Errors.Keys);
    }

    [Theory, EachProvider]
    public async Task ForgetKeys_RemovesOldOnes(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var ingestor = database.Get<EventIngestor>();
        await ingestor.IngestAsync(Batch(database.Clock.GetUtcNow().UtcDateTime), "old");
        database.Clock.Advance(TimeSpan.FromHours(25));

        Assert.Equal(1, await ingestor.ForgetKeysAsync(TimeSpan.FromHours(24)));
    }

    private static async Task<int> CountAsync(EngineTestDatabase database)
    {
        await using var db = await database.Contexts.CreateDbContextAsync();
        return await db.Events.CountAsync();
    }
}

using Portal.Engine.Catalog;
using Portal.Engine.Events;
using Portal.Engine.Feed;
using Portal.Engine.Moderation;
using Portal.Engine.Training;

namespace Portal.Tests.Engine.Feed;

public sealed class FeedReplayerTests
{
    [Fact]
    public async Task Replay_EveryBatchOfAUserWithEventsInBetween_ReproducesItemForItem()
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync();
        var feed = database.Get<FeedService>();
        var ingestor = database.Get<EventIngestor>();
        var batches = new List<FeedBatch>();
        for (var i = 0; i < 4; i++)
        {
            database.Clock.Advance(TimeSpan.FromMinutes(3));
            var batch = (await feed.NextBatchAsync(new FeedRequest(11)))!;
            batches.Add(batch);
            var at = database.Clock.GetUtcNow().UtcDateTime;
            await ingestor.IngestAsync(batch.Items.Take(3).Select(item => new IncomingEvent(11, item.VideoId, i % 2 == 0 ? "like" : "skip", At: at)).ToList());
        }

        await database.Get<ServedLog>().FlushAsync();
        foreach (var batch in batches)
        {
            var replay = (await database.Get<FeedReplayer>().ReplayAsync(batch.RequestId))!;

            Assert.Null(replay.Problem);
            Assert.True(replay.Reproduced, $"batch {batch.BatchNumber}: " + string.Join(", ", replay.Differences.Select(d => $"#{d.Position} {d.LoggedVideoId}→{d.ReplayedVideoId}")));
        }
    }

    [Fact]
    public async Task Replay_AfterModerationAndANewModel_StillReproduces()
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync();
        var feed = database.Get<FeedService>();
        var batch = (await feed.NextBatchAsync(new FeedRequest(12)))!;
        await database.Get<ServedLog>().FlushAsync();

        database.Clock.Advance(TimeSpan.FromMinutes(5));
        await database.Get<CatalogModeration>().SetVideoAsync(batch.Items[0].VideoId, ModerationStatus.Removed, "mod");
        var trained = await database.Get<TrainingPipeline>().RunAsync("test");
        await database.Get<ModelRegistry>().PromoteAsync(trained.VersionId, "pm", "serve the new model");

        var replay = (await database.Get<FeedReplayer>().ReplayAsync(batch.RequestId))!;

        Assert.Equal("baseline", replay.Logged.Summary.ModelVersion);
        Assert.True(replay.Reproduced, string.Join(", ", replay.Differences.Select(d => $"#{d.Position} {d.LoggedVideoId}→{d.ReplayedVideoId}")));
    }

    [Fact]
    public async Task Replay_UnknownRequest_IsNull()
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync();

        Assert.Null(await database.Get<FeedReplayer>().ReplayAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Lookup_ByUserAndByRequestId()
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync();
        var feed = database.Get<FeedService>();
        var first = (await feed.NextBatchAsync(new FeedRequest(13)))!;
        await feed.NextBatchAsync(new FeedRequest(13, Mode: FeedMode.Preview, RequestedBy: "pm"));
        await feed.NextBatchAsync(new FeedRequest(14));
        await database.Get<ServedLog>().FlushAsync();
        var queries = database.Get<ServedLogQueries>();

        var page = await queries.SearchAsync(13, null, null, null, 0, 10);
        var served = await queries.SearchAsync(13, null, null, FeedMode.Serve, 0, 10);
        var detail = (await queries.GetAsync(first.RequestId))!;

        Assert.Equal(2, page.Total);
        Assert.Equal(first.RequestId, Assert.Single(served.Items).RequestId);
        Assert.Equal(first.Items.Select(i => i.VideoId), detail.Items.Select(i => i.VideoId));
        Assert.Equal(first.Items[0].Reasons.Count, detail.Items[0].Reasons.Count);
        Assert.True(detail.Items[0].Features.ContainsKey("popularity"));
    }
}

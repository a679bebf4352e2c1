using Portal.Engine.Catalog;
using Portal.Engine.Feed;
using Portal.Engine.Moderation;
using Portal.Engine.Storage;

namespace Portal.Tests.Engine.Moderation;

public sealed class CatalogModerationTests
{
    [Theory, EachProvider]
    public async Task RemoveVideo_TakesEffectOnTheNextRequestAndIsRecorded(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var feed = database.Get<FeedService>();
        var preview = (await feed.NextBatchAsync(new FeedRequest(7, Mode: FeedMode.Preview)))!;
        var target = preview.Items[0].VideoId;

        var result = await database.Get<CatalogModeration>().SetVideoAsync(target, ModerationStatus.Removed, "mod@portal.local");

        Assert.True(result.Succeeded);
        Assert.Equal((int)ModerationStatus.Visible, result.Before);
        var next = (await feed.NextBatchAsync(new FeedRequest(7, Mode: FeedMode.Preview)))!;
        Assert.DoesNotContain(next.Items, i => i.VideoId == target);
        var history = await database.Get<CatalogModeration>().HistoryAsync(ModerationSubject.Video, target);
        Assert.Equal("mod@portal.local", Assert.Single(history).ChangedBy);
    }

    [Theory, EachProvider]
    public async Task BanCreatorAndBlockSound_KeepAllTheirVideosOut(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        var feed = database.Get<FeedService>();
        var preview = (await feed.NextBatchAsync(new FeedRequest(9, Mode: FeedMode.Preview)))!;
        var moderation = database.Get<CatalogModeration>();

        await moderation.SetCreatorAsync(preview.Items[0].CreatorId, CreatorStatus.Banned, "admin");
        await moderation.SetSoundAsync(preview.Items[1].SoundId, SoundStatus.Blocked, "admin");

        for (long user = 1; user <= 20; user++)
        {
            var batch = (await feed.NextBatchAsync(new FeedRequest(user, Mode: FeedMode.Preview)))!;
            Assert.DoesNotContain(batch.Items, i => i.CreatorId == preview.Items[0].CreatorId || i.SoundId == preview.Items[1].SoundId);
        }

        // Reversal brings them back.
        await moderation.SetCreatorAsync(preview.Items[0].CreatorId, CreatorStatus.Active, "admin");
        var catalog = database.Get<ServingState>().Current.Catalog;
        Assert.True(database.Get<ServingState>().Current.Availability.IsServable(catalog.IndexOf(preview.Items[0].VideoId)));
    }

    [Theory, EachProvider]
    public async Task UnknownSubject_IsRefused(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(provider: provider);

        var result = await database.Get<CatalogModeration>().SetVideoAsync(987_654, ModerationStatus.Removed, "mod");

        Assert.False(result.Succeeded);
        Assert.Contains("no video 987654", result.Error, StringComparison.Ordinal);
    }
}

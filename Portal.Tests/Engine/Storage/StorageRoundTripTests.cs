using Microsoft.EntityFrameworkCore;
using Portal.Engine.Catalog;
using Portal.Engine.Events;
using Portal.Engine.Storage;

namespace Portal.Tests.Engine.Storage;

public sealed class StorageRoundTripTests
{
    [Theory, EachProvider]
    public async Task SaveAndLoad_CatalogUserAndEvent_RoundTripEveryField(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateAsync(provider: provider);
        var created = new DateTime(2026, 3, 4, 5, 6, 7, 890, DateTimeKind.Utc);
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            db.Creators.Add(new Creator { Id = 1, Handle = "ana.cooking.1", DisplayName = "Ana · Cooking", Country = "ES", Language = "es", CreatedAt = created });
            db.Sounds.Add(new Sound { Id = 2, Title = "Golden Wave", Artist = "Lina Echo", CreatedAt = created });
            db.Hashtags.AddRange(new Hashtag { Id = 3, Tag = "cooking" }, new Hashtag { Id = 4, Tag = "receta" });
            db.Videos.Add(new Video
            {
                Id = 5,
                CreatorId = 1,
                SoundId = 2,
                Caption = "receta de pasta 🍳",
                Language = "es",
                OriginCountry = "ES",
                AllowedCountries = "ES,MX",
                RequiresApp = true,
                DurationSeconds = 31,
                CreatedAt = created,
                Moderation = ModerationStatus.Restricted,
                Hashtags = [new VideoHashtag { HashtagId = 4, Position = 1 }, new VideoHashtag { HashtagId = 3, Position = 0 }],
            });
            db.Users.Add(new AppUser { Id = 9_000_000_001, Language = "es", Country = "MX", Device = DeviceType.Android, CreatedAt = created, Personalized = false });
            db.Events.Add(new EngagementEvent { UserId = 9_000_000_001, VideoId = 5, Kind = EngagementKind.Watch, WatchFraction = 0.75f, At = created, Device = DeviceType.Android });
            await db.SaveChangesAsync();
        }

        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            var video = await db.Videos.Include(v => v.Hashtags).ThenInclude(h => h.Hashtag).Include(v => v.Creator).Include(v => v.Sound).SingleAsync();
            Assert.Equal("receta de pasta 🍳", video.Caption);
            Assert.Equal("es", video.Language);
            Assert.Equal("ES,MX", video.AllowedCountries);
            Assert.True(video.RequiresApp);
            Assert.Equal(31, video.DurationSeconds);
            Assert.Equal(ModerationStatus.Restricted, video.Moderation);
            Assert.Equal(created, video.CreatedAt);
            Assert.Equal(DateTimeKind.Utc, video.CreatedAt.Kind);
            Assert.Equal(["cooking", "receta"], video.Hashtags.OrderBy(h => h.Position).Select(h => h.Hashtag!.Tag));
            Assert.Equal("ana.cooking.1", video.Creator!.Handle);
            Assert.Equal("Golden Wave", video.Sound!.Title);

            var user = await db.Users.SingleAsync();
            Assert.Equal(9_000_000_001, user.Id);
            Assert.False(user.Personalized);
            Assert.Equal(DeviceType.Android, user.Device);

            var engagement = await db.Events.SingleAsync();
            Assert.Equal(EngagementKind.Watch, engagement.Kind);
            Assert.Equal(0.75f, engagement.WatchFraction);
            Assert.Equal(created, engagement.At);
        }
    }

    [Theory, EachProvider]
    public async Task Save_EventForAnUnknownVideo_IsRefusedByTheForeignKey(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateAsync(provider: provider);
        await using var db = await database.Contexts.CreateDbContextAsync();
        db.Users.Add(new AppUser { Id = 1, Language = "en", Country = "US", CreatedAt = DateTime.UtcNow });
        db.Events.Add(new EngagementEvent { UserId = 1, VideoId = 404, Kind = EngagementKind.Like, At = DateTime.UtcNow });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}

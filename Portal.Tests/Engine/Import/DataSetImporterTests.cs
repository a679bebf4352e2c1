using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Engine.Catalog;
using Portal.Engine.Events;
using Portal.Engine.Import;

namespace Portal.Tests.Engine.Import;

public sealed class DataSetImporterTests : IDisposable
{
    private readonly DataSetFolder _folder = new();

    [Fact]
    public async Task Import_Ml100k_LoadsCatalogUsersAndEventsAndTellsServingToReload()
    {
        _folder.Write("u.item", [DataSetFolder.Ml100kItem(1, "Toy Story (1995)", 3, 4, 5), DataSetFolder.Ml100kItem(2, "GoldenEye (1995)", 1, 2, 16)], Encoding.Latin1)
            .Write("u.data", ["196\t1\t5\t881250949", "186\t1\t2\t891717742", "196\t2\t3\t881251000", "196\t3\t3\t881251000"]);
        await using var database = await EngineTestDatabase.CreateAsync();
        var changes = database.Get<CatalogChanges>();
        var before = changes.Version;

        var report = await Importer(database).ImportAsync(new MovieLensReader(), _folder.Path, force: false);

        Assert.Equal(("movielens", "ml-100k"), (report.Format, report.Layout));
        // Three good ratings: an impression and a watch each, a like for the 5, a skip for the 2.
        Assert.Equal((2, 2, 8L), (report.Videos, report.Users, report.Events));
        Assert.Equal(6, report.RowsRead);
        Assert.Equal(1, report.SkippedRows);
        Assert.Equal(ImportProblemReason.UnknownItem, Assert.Single(report.Problems).Reason);
        Assert.Equal(before + 1, changes.Version);

        await using var db = await database.Contexts.CreateDbContextAsync();
        Assert.Equal(2, await db.Videos.CountAsync());
        Assert.Equal(2, await db.Creators.CountAsync());
        Assert.Equal(2, await db.Sounds.CountAsync());
        Assert.Equal(2, await db.Users.CountAsync());
        Assert.Equal(report.Events, await db.Events.CountAsync());
        Assert.Equal(report.Events, await db.EventDailyCounts.SumAsync(c => c.Count));
        Assert.Equal(3, await db.Events.CountAsync(e => e.Kind == EngagementKind.Watch));
        Assert.Equal(1, await db.Events.CountAsync(e => e.Kind == EngagementKind.Like));
        Assert.Equal(1, await db.Events.CountAsync(e => e.Kind == EngagementKind.Skip));
        var toyStory = await db.Videos.Include(v => v.Hashtags).SingleAsync(v => v.Id == 1);
        Assert.Equal("Toy Story (1995)", toyStory.Caption);
        Assert.Equal(new DateTime(1997, 12, 4, 15, 55, 49, DateTimeKind.Utc), toyStory.CreatedAt);
        Assert.Equal(3, toyStory.Hashtags.Count);
        var watch = await db.Events.SingleAsync(e => e.UserId == 196 && e.VideoId == 1 && e.Kind == EngagementKind.Watch);
        Assert.Equal((1f, DeviceType.Web), (watch.WatchFraction, watch.Device));
    }

    [Fact]
    public async Task Import_IntoASeededDatabase_RefusesWithoutForceAndReplacesWithIt()
    {
        _folder.WritePlantedMl100k(users: 20, items: 30, ratingsPerUser: 10);
        await using var database = await EngineTestDatabase.CreateAsync();
        var seeded = await database.SeedAsync();

        var refused = await Assert.ThrowsAsync<DatabaseNotEmptyException>(() => Importer(database).ImportAsync(new MovieLensReader(), _folder.Path, force: false));
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            Assert.Equal(seeded.Videos, await db.Videos.CountAsync());
        }

        var report = await Importer(database).ImportAsync(new MovieLensReader(), _folder.Path, force: true);

        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            Assert.Equal(30, await db.Videos.CountAsync());
            Assert.Equal(20, await db.Users.CountAsync());
            Assert.Equal(report.Events, await db.Events.CountAsync());
            Assert.Equal(0, await db.Worlds.CountAsync());
            Assert.Equal(0, await db.VideoTruths.CountAsync());
            var indexes = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Events'").ToListAsync();
            Assert.Contains("IX_Events_UserId_At", indexes);
        }
    }

    [Fact]
    public async Task Import_AFileOfTheWrongShape_WritesNothing()
    {
        _folder.Write("u.item", [DataSetFolder.Ml100kItem(1, "One", 1)], Encoding.Latin1)
            .Write("u.data", ["userId,movieId,rating,timestamp", "1,1,4.0,964982703"]);
        await using var database = await EngineTestDatabase.CreateAsync();
        var changes = database.Get<CatalogChanges>();
        var before = changes.Version;

        var error = await Assert.ThrowsAsync<ImportFileException>(() => Importer(database).ImportAsync(new MovieLensReader(), _folder.Path, force: false));

        Assert.Equal("u.data", error.File);
        Assert.Equal(before, changes.Version);
        await using var db = await database.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.Videos.CountAsync());
        Assert.Equal(0, await db.Events.CountAsync());
    }

    [Fact]
    public async Task Import_KuaiRec_LoadsWithShiftedIdsAndAndroidEvents()
    {
        _folder.Write("item_categories.csv", ["video_id,feat", "0,[8]", "1,\"[27, 9]\""])
            .Write("small_matrix.csv",
            [
                "user_id,video_id,play_duration,video_duration,time,date,timestamp,watch_ratio",
                "0,0,13838,10867,2020-07-05 05:27:48.378,20200705,1593898068.378,1.273397",
                "0,1,25000,10000,2020-07-05 05:28:00.000,20200705,1593898080.0,2.5",
            ]);
        await using var database = await EngineTestDatabase.CreateAsync();

        var report = await Importer(database).ImportAsync(new KuaiRecReader(), _folder.Path, force: false);

        Assert.Equal((2, 1, 5L), (report.Videos, report.Users, report.Events));
        await using var db = await database.Contexts.CreateDbContextAsync();
        Assert.Equal([1, 2], await db.Videos.OrderBy(v => v.Id).Select(v => v.Id).ToListAsync());
        Assert.Equal(1, await db.Users.Select(u => u.Id).SingleAsync());
        Assert.All(await db.Events.ToListAsync(), e => Assert.Equal(DeviceType.Android, e.Device));
        Assert.Equal("video 0", (await db.Videos.SingleAsync(v => v.Id == 1)).Caption);
    }

    private static DataSetImporter Importer(EngineTestDatabase database) =>
        new(database.Contexts, database.Get<CatalogChanges>());

    public void Dispose() => _folder.Dispose();
}

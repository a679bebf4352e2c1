using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Portal.Engine.Synthetic;
using Portal.Engine.Storage;

namespace Portal.Tests.Engine.Synthetic;

public sealed class WorldSeederTests
{
    [Theory, EachProvider]
    public async Task Seed_Tiny_LoadsEveryRowOfTheGeneratedWorld(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateAsync(provider: provider);
        var expected = WorldGenerator.Generate(new WorldSpec(WorldPresets.Tiny, 7, EngineTestDatabase.Anchor));

        var result = await database.SeedAsync();

        await using var db = await database.Contexts.CreateDbContextAsync();
        Assert.Equal(expected.Videos.Count, await db.Videos.CountAsync());
        Assert.Equal(expected.Creators.Count, await db.Creators.CountAsync());
        Assert.Equal(expected.Sounds.Count, await db.Sounds.CountAsync());
        Assert.Equal(expected.Users.Count, await db.Users.CountAsync());
        Assert.Equal(expected.Events.Count, await db.Events.CountAsync());
        Assert.Equal(expected.Videos.Sum(v => v.Hashtags.Count), await db.VideoHashtags.CountAsync());
        Assert.Equal(expected.Events.Count, await db.EventDailyCounts.SumAsync(c => c.Count));
        Assert.Equal(result.Events, expected.Events.Count);

        var world = await db.Worlds.SingleAsync();
        Assert.Equal("tiny", world.Preset);
        Assert.Equal(7, world.Seed);
        Assert.Equal(EngineTestDatabase.Anchor, world.Anchor);

        var first = expected.Videos[17];
        var loaded = await db.Videos.Include(v => v.Hashtags).SingleAsync(v => v.Id == first.Id);
        Assert.Equal(first.Caption, loaded.Caption);
        Assert.Equal(first.CreatedAt, loaded.CreatedAt);
        Assert.Equal(first.Hashtags.OrderBy(h => h.Position).Select(h => h.HashtagId), loaded.Hashtags.OrderBy(h => h.Position).Select(h => h.HashtagId));
    }

    [Theory, EachProvider]
    public async Task Seed_Tiny_RebuildsTheIndexesItDroppedForTheLoad(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateAsync(provider: provider);
        await database.SeedAsync();

        await using var db = await database.Contexts.CreateDbContextAsync();
        var indexes = await db.Database.SqlQueryRaw<string>(provider == DatabaseProvider.PostgreSql
            ? "SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename = 'Events'"
            : "SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Events'").ToListAsync();
        Assert.Contains("IX_Events_UserId_At", indexes);
        Assert.Contains("IX_Events_VideoId_At", indexes);
        Assert.Contains("IX_Events_At", indexes);
    }

    [Theory, EachProvider]
    public async Task Seed_DatabaseWithData_RefusesWithoutForce(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateAsync(provider: provider);
        await database.SeedAsync();

        var refused = await Assert.ThrowsAsync<WorldAlreadySeededException>(() => database.SeedAsync(seed: 8));

        Assert.Equal(WorldPresets.Tiny.Videos, refused.Videos);
        await using var db = await database.Contexts.CreateDbContextAsync();
        Assert.Equal(7, (await db.Worlds.SingleAsync()).Seed);
    }

    [Theory, EachProvider]
    public async Task Seed_WithForce_ReplacesTheWorld(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateAsync(provider: provider);
        await database.SeedAsync();

        await database.SeedAsync(seed: 8, force: true);

        await using var db = await database.Contexts.CreateDbContextAsync();
        Assert.Equal(8, (await db.Worlds.SingleAsync()).Seed);
        Assert.Equal(WorldPresets.Tiny.Events, await db.Events.CountAsync());
        Assert.Equal(WorldPresets.Tiny.Videos, await db.Videos.CountAsync());
    }

    [Theory, EachProvider]
    public async Task Seed_Cancelled_LeavesTheDatabaseEmpty(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateAsync(provider: provider);
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAt("events", cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            database.Services.GetRequiredService<WorldSeeder>().SeedAsync(WorldPresets.Tiny, 7, force: false, progress, EngineTestDatabase.Anchor, cancel.Token));

        await using var db = await database.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.Videos.CountAsync());
        Assert.Equal(0, await db.Events.CountAsync());
    }

    private sealed class CancelAt(string stage, CancellationTokenSource cancel) : IProgress<WorldSeedProgress>
    {
        public void Report(WorldSeedProgress value)
        {
            if (value.Stage == stage)
            {
                cancel.Cancel();
            }
        }
    }
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Engine.Catalog;
using Portal.Engine.Storage;

namespace Portal.Engine.Synthetic;

/// <summary>Generates a world and bulk-loads it into the engine database: the <c>seed</c> verb and the first start both use it.</summary>
public sealed class WorldSeeder(IDbContextFactory<EngineDbContext> contexts, CatalogChanges changes, ILogger<WorldSeeder> log)
{
    /// <summary>
    /// Replaces nothing unless <paramref name="force"/> is set: a database with videos or users in it
    /// makes this throw <see cref="WorldAlreadySeededException"/>.
    /// </summary>
    public async Task<WorldSeedResult> SeedAsync(
        WorldPreset preset,
        int seed,
        bool force,
        IProgress<WorldSeedProgress>? progress = null,
        DateTime? anchor = null,
        CancellationToken ct = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var videos = await db.Videos.CountAsync(ct);
            var users = await db.Users.CountAsync(ct);
            if ((videos > 0 || users > 0) && !force)
            {
                throw new WorldAlreadySeededException(videos, users);
            }
        }

        var spec = new WorldSpec(preset, seed, anchor ?? DefaultAnchor(DateTime.UtcNow));
        progress?.Report(new WorldSeedProgress("generating", 0));
        var clock = Stopwatch.StartNew();
        var world = WorldGenerator.Generate(spec);
        var generateTime = clock.Elapsed;
        progress?.Report(new WorldSeedProgress("generated", 10));

        clock.Restart();
        var loader = new WorldLoader(contexts);
        await loader.LoadAsync(world, replaceExisting: force, new Progress10To100(progress), ct);
        var loadTime = clock.Elapsed;
        await changes.NotifyChangedAsync(ct);
        log.LogInformation(
            "Seeded the {Preset} world (seed {Seed}): {Videos} videos, {Users} users, {Events} events; generated in {Generate:F1} s, loaded in {Load:F1} s",
            preset.Name, seed, world.Videos.Count, world.Users.Count, world.Events.Count, generateTime.TotalSeconds, loadTime.TotalSeconds);
        return new WorldSeedResult(preset, seed, world.Videos.Count, world.Creators.Count, world.Sounds.Count, world.Users.Count, world.Events.Count, generateTime, loadTime);
    }

    /// <summary>The anchor a world gets when none is given: now, truncated to the hour, so that "the last 24 hours" holds events.</summary>
    public static DateTime DefaultAnchor(DateTime utcNow) =>
        new(utcNow.Ticks - utcNow.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc);

    /// <summary>Maps the loader's 0..100 onto the 10..100 that follows generation.</summary>
    private sealed class Progress10To100(IProgress<WorldSeedProgress>? inner) : IProgress<WorldSeedProgress>
    {
        public void Report(WorldSeedProgress value) => inner?.Report(value with { Percent = 10 + value.Percent * 0.9 });
    }
}

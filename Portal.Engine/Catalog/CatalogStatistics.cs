using Microsoft.EntityFrameworkCore;
using Portal.Engine.Storage;

namespace Portal.Engine.Catalog;

/// <summary>
/// Counts for dashboards. Cheap on large worlds: the totals are plain <c>COUNT(*)</c>s, the last 24 hours
/// is a range over the index on <c>Events.At</c>, and the per-day series reads the small
/// <see cref="Events.EventDailyCount"/> table instead of the events.
/// </summary>
public sealed class CatalogStatistics(IDbContextFactory<EngineDbContext> contexts, TimeProvider clock)
{
    /// <summary>How many days the per-day series covers when the caller does not say.</summary>
    public const int DefaultDays = 30;

    public async Task<CatalogSummary> GetSummaryAsync(int days = DefaultDays, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var now = clock.GetUtcNow().UtcDateTime;
        var lastDay = DateOnly.FromDateTime(now);
        var firstDay = lastDay.AddDays(1 - days);
        var since = now.AddHours(-24);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var videos = await db.Videos.LongCountAsync(ct);
        var creators = await db.Creators.LongCountAsync(ct);
        var sounds = await db.Sounds.LongCountAsync(ct);
        var users = await db.Users.LongCountAsync(ct);
        var events = await db.Events.LongCountAsync(ct);
        var eventsLast24Hours = await db.Events.LongCountAsync(e => e.At > since && e.At <= now, ct);
        var daily = await db.EventDailyCounts.AsNoTracking()
            .Where(c => c.Day >= firstDay && c.Day <= lastDay)
            .OrderBy(c => c.Day).ThenBy(c => c.Kind)
            .ToListAsync(ct);

        return new CatalogSummary(now, videos, creators, sounds, users, events, eventsLast24Hours, firstDay, lastDay, daily);
    }
}

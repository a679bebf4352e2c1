using Microsoft.EntityFrameworkCore;
using Portal.Engine.Events;
using Portal.Engine.Storage;

namespace Portal.Engine.Catalog;

/// <summary>Read-only queries about app users for the portal: search paged on the server, and timelines.</summary>
public sealed class UserQueries(IDbContextFactory<EngineDbContext> contexts)
{
    public const int MaxPageSize = 200;

    public async Task<Page<UserSummary>> SearchAsync(UserSearch search, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        pageIndex = Math.Max(0, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Users.AsNoTracking();
        if (search.Id is { } id)
        {
            query = query.Where(u => u.Id == id);
        }

        if (!string.IsNullOrWhiteSpace(search.Country))
        {
            var country = search.Country.Trim().ToUpperInvariant();
            query = query.Where(u => u.Country == country);
        }

        if (!string.IsNullOrWhiteSpace(search.Language))
        {
            var language = search.Language.Trim().ToLowerInvariant();
            query = query.Where(u => u.Language == language);
        }

        if (DeviceTypes.TryParse(search.Device, out var device))
        {
            query = query.Where(u => u.Device == device);
        }

        if (search.Personalized is { } personalized)
        {
            query = query.Where(u => u.Personalized == personalized);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(u => u.Id)
            .Skip(pageIndex * pageSize)
            .Take(pageSize)
            .Select(u => new UserSummary(u.Id, u.Language, u.Country, u.Device, u.Personalized, u.CreatedAt))
            .ToListAsync(ct);
        return new Page<UserSummary>(items, total, pageIndex, pageSize);
    }

    /// <summary>The distinct languages and countries of all users.</summary>
    public async Task<UserFacets> FacetsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var languages = await db.Users.AsNoTracking().Select(u => u.Language).Distinct().OrderBy(l => l).ToListAsync(ct);
        var countries = await db.Users.AsNoTracking().Select(u => u.Country).Distinct().OrderBy(c => c).ToListAsync(ct);
        return new UserFacets(languages, countries);
    }

    /// <summary>The user's latest engagements, newest first (impressions left out unless asked for).</summary>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(long userId, int limit = 50, bool includeImpressions = false, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, 500);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var events = db.Events.AsNoTracking().Where(e => e.UserId == userId);
        if (!includeImpressions)
        {
            events = events.Where(e => e.Kind != EngagementKind.Impression);
        }

        var rows = await events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(limit)
            .Join(db.Videos, e => e.VideoId, v => v.Id, (e, v) => new
            {
                e.Id,
                e.At,
                e.Kind,
                e.WatchFraction,
                e.VideoId,
                v.Caption,
                Hashtag = v.Hashtags.Where(h => h.Position == 0).Select(h => h.Hashtag!.Tag).FirstOrDefault(),
                v.Creator!.Handle,
            })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
            .Select(r => new TimelineEntry(r.Id, r.At, r.Kind, r.WatchFraction, r.VideoId, r.Caption, r.Hashtag, r.Handle))
            .ToList();
    }

    /// <summary>How many events of each kind the user has.</summary>
    public async Task<IReadOnlyDictionary<EngagementKind, int>> EventCountsAsync(long userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Events.AsNoTracking().Where(e => e.UserId == userId).GroupBy(e => e.Kind)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}

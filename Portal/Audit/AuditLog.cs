using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Engine.Catalog;
using Portal.Storage;

namespace Portal.Audit;

/// <summary>Reads the audit trail: a filtered page (newest first), or every filtered row as a stream (for the CSV export).</summary>
public sealed class AuditLog(IDbContextFactory<PortalDbContext> contexts)
{
    public const int MaxPageSize = 200;

    public async Task<Page<AuditEntry>> SearchAsync(AuditFilter filter, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        pageIndex = Math.Max(0, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = Apply(db.AuditEntries.AsNoTracking(), filter);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.Id).Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<AuditEntry>(rows, total, pageIndex, pageSize);
    }

    /// <summary>The filtered rows oldest first, up to <paramref name="upToId"/>, read as they are written out.</summary>
    public async IAsyncEnumerable<AuditEntry> StreamAsync(AuditFilter filter, long upToId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = Apply(db.AuditEntries.AsNoTracking(), filter).Where(e => e.Id <= upToId).OrderBy(e => e.Id);
        await foreach (var entry in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return entry;
        }
    }

    private static IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var pattern = Contains(filter.Actor);
            query = query.Where(e => EF.Functions.Like(e.Actor.ToLower(), pattern, "\\"));
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            if (action.Contains('.', StringComparison.Ordinal))
            {
                query = query.Where(e => e.Action == action);
            }
            else
            {
                var area = action + ".";
                query = query.Where(e => e.Action.StartsWith(area));
            }
        }

        if (!string.IsNullOrWhiteSpace(filter.Target))
        {
            var pattern = Contains(filter.Target);
            query = query.Where(e => e.Target != null && EF.Functions.Like(e.Target.ToLower(), pattern, "\\"));
        }

        if (filter.From is { } from)
        {
            var start = DateTime.SpecifyKind(from, DateTimeKind.Utc);
            query = query.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = DateTime.SpecifyKind(to, DateTimeKind.Utc);
            query = query.Where(e => e.At <= end);
        }

        return query;
    }

    /// <summary>
    /// A case-insensitive "contains" pattern, matched against the lower-cased column: SQLite's LIKE ignores case,
    /// PostgreSQL's does not.
    /// </summary>
    private static string Contains(string text) =>
        "%" + text.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}

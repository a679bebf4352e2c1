using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Engine.Catalog;
using Portal.Engine.Storage;

namespace Portal.Engine.Feed;

/// <summary>Finds what users were served: by user and time range (paged on the server) or by request id.</summary>
public sealed class ServedLogQueries(IDbContextFactory<EngineDbContext> contexts)
{
    public async Task<Page<ServedBatchSummary>> SearchAsync(long? userId, DateTime? from, DateTime? to, FeedMode? mode, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        pageIndex = Math.Max(0, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, 200);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.ServedBatches.AsNoTracking();
        if (userId is { } user)
        {
            query = query.Where(b => b.UserId == user);
        }

        if (from is { } start)
        {
            query = query.Where(b => b.At >= start);
        }

        if (to is { } end)
        {
            query = query.Where(b => b.At <= end);
        }

        if (mode is { } m)
        {
            query = query.Where(b => b.Mode == m);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(b => b.At).ThenByDescending(b => b.Id).Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<ServedBatchSummary>(rows.Select(Summary).ToList(), total, pageIndex, pageSize);
    }

    public async Task<ServedBatchDetail?> GetAsync(Guid requestId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.ServedBatches.AsNoTracking().SingleOrDefaultAsync(b => b.RequestId == requestId, ct);
        return row is null ? null : Detail(row);
    }

    internal static ServedBatchDetail Detail(ServedBatch row) => new(
        Summary(row),
        JsonSerializer.Deserialize(row.ContextJson, ServedLogJson.Default.ServedContextRecord) ?? new ServedContextRecord("", "", "", true, "", 0, [], null),
        JsonSerializer.Deserialize(row.ItemsJson, ServedLogJson.Default.ServedItemRecordArray) ?? [],
        row.Relaxed.Split(',', StringSplitOptions.RemoveEmptyEntries),
        row.EventWatermark,
        row.UserEventWatermark);

    private static ServedBatchSummary Summary(ServedBatch row) => new(
        row.RequestId,
        row.UserId,
        row.BatchNumber,
        row.At,
        row.Mode,
        row.ColdStart,
        row.RulesVersion,
        row.ModelVersion,
        row.VideoIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
        row.RequestedBy);
}

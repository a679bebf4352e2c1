using Microsoft.EntityFrameworkCore;
using Portal.Storage;

namespace Portal.Audit;

/// <summary>
/// Appends rows to the audit trail in the portal database. One append at a time in this process (a gate), and in the
/// database a write-locking transaction that reads the last row and writes the next (an immediate transaction on
/// SQLite, the table locked against other writers on PostgreSQL): two portal processes on one database also take
/// turns, and a unique index on the previous hash refuses a fork outright.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, ILogger<AuditTrail> log) : IAuditTrail
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _gate.WaitAsync(ct);
        try
        {
            // Once the action is done its record is written, even if the caller has gone away meanwhile.
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            await db.LockForWritingAsync<AuditEntry>(CancellationToken.None);
            var last = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(e => e.Id)
                .Select(e => new { e.Id, e.Hash })
                .FirstOrDefaultAsync(CancellationToken.None);

            var now = clock.GetUtcNow().UtcDateTime;
            var entry = new AuditEntry
            {
                Id = (last?.Id ?? 0) + 1,
                At = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc),
                Actor = Fit(record.Actor.Name, AuditEntry.ActorMaxLength) ?? "",
                Action = Fit(record.Action, AuditEntry.ActionMaxLength) ?? "",
                Target = Fit(record.Target, AuditEntry.TargetMaxLength),
                Before = record.Before,
                After = record.After,
                Reason = Fit(record.Reason, AuditEntry.ReasonMaxLength),
                ClientAddress = Fit(record.Actor.ClientAddress, AuditEntry.ClientAddressMaxLength),
                PreviousHash = last?.Hash ?? AuditHash.Genesis,
            };
            entry.Hash = AuditHash.Compute(entry.PreviousHash, entry);
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            log.LogDebug("Audit {Id}: {Actor} {Action} {Target}", entry.Id, entry.Actor, entry.Action, entry.Target);
            return entry;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string? Fit(string? value, int max) =>
        value is null || value.Length <= max ? value : value[..(max - 1)] + "…";
}

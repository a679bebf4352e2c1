using Microsoft.EntityFrameworkCore;
using Portal.Storage;

namespace Portal.Audit;

/// <summary>
/// Walks the audit trail from its first row and recomputes the chain: each row must follow on from the row before
/// (ids without gaps, its previous hash equal to that row's hash) and its hash must match its own content. Reports
/// the first row where either fails.
/// </summary>
public sealed class AuditChainVerifier(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
{
    private const int BatchSize = 1_000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var expectedPrevious = AuditHash.Genesis;
        long previousId = 0;
        long checkedRows = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Id > previousId)
                .OrderBy(e => e.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return new AuditVerification(true, checkedRows, null, null, Now());
            }

            foreach (var entry in batch)
            {
                checkedRows++;
                var problem = Check(entry, previousId, expectedPrevious);
                if (problem is not null)
                {
                    return new AuditVerification(false, checkedRows, entry.Id, problem, Now());
                }

                expectedPrevious = entry.Hash;
                previousId = entry.Id;
            }
        }
    }

    private static string? Check(AuditEntry entry, long previousId, string expectedPrevious)
    {
        if (entry.Id != previousId + 1)
        {
            return previousId == 0
                ? $"The trail starts at row {entry.Id} instead of row 1: the rows before it are missing."
                : $"Row {entry.Id} follows row {previousId}: the rows in between are missing.";
        }

        if (!string.Equals(entry.PreviousHash, expectedPrevious, StringComparison.Ordinal))
        {
            return previousId == 0
                ? $"Row {entry.Id} should be the first link of the chain, but records a previous hash of {Short(entry.PreviousHash)}."
                : $"Row {entry.Id} records the previous hash {Short(entry.PreviousHash)}, but row {previousId}'s hash is {Short(expectedPrevious)}: the chain was cut or re-linked here.";
        }

        var computed = AuditHash.Compute(entry.PreviousHash, entry);
        if (!string.Equals(entry.Hash, computed, StringComparison.Ordinal))
        {
            return $"Row {entry.Id}'s content does not match its hash (stored {Short(entry.Hash)}, recomputed {Short(computed)}): it was changed after it was written.";
        }

        return null;
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

using Portal.Auth;

namespace Portal.Audit;

/// <summary>
/// What the Audit page does besides reading: verifying the chain and exporting rows. Both need
/// <see cref="Policies.ViewAudit"/>, checked here on the server, and both are themselves recorded.
/// </summary>
public sealed class AuditReview(AuditChainVerifier verifier, AuditLog log, IAuditTrail audit, StaffAuthorization authorization)
{
    /// <summary>Walks the chain; null when the caller may not.</summary>
    public async Task<AuditVerification?> VerifyAsync(StaffCaller caller, CancellationToken ct = default)
    {
        if (!await authorization.DemandAsync(caller, Policies.ViewAudit, "verify the audit chain", "audit:chain", ct))
        {
            return null;
        }

        var result = await verifier.VerifyAsync(ct);
        var outcome = result.Intact
            ? $"Intact: {result.RowsChecked:N0} rows checked"
            : $"Broken at row {result.BrokenId}: {result.Problem}";
        await audit.AppendAsync(new AuditRecord(caller.Actor, AuditActions.ChainVerified, "audit:chain", null, outcome, null), ct);
        return result;
    }

    /// <summary>
    /// Records the export and returns the last row id it covers (rows appended while it streams are left out), or
    /// null when the caller may not export.
    /// </summary>
    public async Task<long?> BeginExportAsync(StaffCaller caller, AuditFilter filter, CancellationToken ct = default)
    {
        if (!await authorization.DemandAsync(caller, Policies.ViewAudit, "export the audit log", "audit:export", ct))
        {
            return null;
        }

        var entry = await audit.AppendAsync(new AuditRecord(caller.Actor, AuditActions.Exported, "audit:export", null, filter.Describe(), null), ct);
        return entry.Id;
    }

    public IAsyncEnumerable<AuditEntry> StreamAsync(AuditFilter filter, long upToId, CancellationToken ct = default) =>
        log.StreamAsync(filter, upToId, ct);
}

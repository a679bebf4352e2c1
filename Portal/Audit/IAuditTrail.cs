namespace Portal.Audit;

/// <summary>
/// The one way anything in the portal writes to the audit trail. Appends are serialised, so the hash chain never
/// forks; there is no update and no delete.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Appends <paramref name="record"/> at the current UTC time and returns the stored row with its hash.</summary>
    Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct = default);
}

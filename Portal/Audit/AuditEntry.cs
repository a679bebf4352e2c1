namespace Portal.Audit;

/// <summary>
/// One row of the audit trail. Rows are only ever appended: the application has no update or delete, the data layer
/// refuses them (<see cref="AuditAppendOnlyInterceptor"/> and the table's triggers, on SQLite and PostgreSQL), and each row carries the SHA-256 of
/// the previous row's hash and its own canonical content (<see cref="AuditHash"/>), so a changed, removed or inserted
/// row breaks the chain where it happened.
/// </summary>
public sealed class AuditEntry
{
    public const int ActorMaxLength = 256;
    public const int ActionMaxLength = 64;
    public const int TargetMaxLength = 256;
    public const int ReasonMaxLength = 2_000;
    public const int ClientAddressMaxLength = 64;
    public const int HashLength = 64;

    /// <summary>1, 2, 3…: the position in the chain, assigned when the row is appended.</summary>
    public long Id { get; set; }

    /// <summary>UTC, to the millisecond.</summary>
    public DateTime At { get; set; }

    public string Actor { get; set; } = "";

    public string Action { get; set; } = "";

    public string? Target { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public string? Reason { get; set; }

    public string? ClientAddress { get; set; }

    /// <summary>The previous row's <see cref="Hash"/>; 64 zeros for the first row.</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>SHA-256 (lower-case hex) of <see cref="PreviousHash"/> and this row's canonical content.</summary>
    public string Hash { get; set; } = "";
}

namespace Portal.Audit;

/// <summary>What to append to the audit trail.</summary>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="Target">What the action was about, as <c>kind:id</c> ("video:12", "staff:ada@example.com", "page:/audit").</param>
/// <param name="Before">The state before, as JSON or text; null when there was none.</param>
/// <param name="After">The state after, as JSON or text; null when there is none.</param>
/// <param name="Reason">Why, in the actor's words or as a reason code.</param>
public sealed record AuditRecord(AuditActor Actor, string Action, string? Target, string? Before, string? After, string? Reason);

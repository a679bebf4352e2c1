namespace Portal.Audit;

/// <summary>The outcome of walking the hash chain.</summary>
/// <param name="Intact">True when every row links to the one before it and matches its own hash.</param>
/// <param name="RowsChecked">How many rows were read (up to and including the first broken one).</param>
/// <param name="BrokenId">The first row that does not check out; null when intact.</param>
/// <param name="Problem">What does not match at that row, in words.</param>
public sealed record AuditVerification(bool Intact, long RowsChecked, long? BrokenId, string? Problem, DateTime CheckedAt);

namespace Portal.Moderation;

/// <summary>The queue's filters.</summary>
/// <param name="Reason">Only cases with at least one report for this reason (<see cref="ReportReasons.All"/>).</param>
/// <param name="AssignedTo">Only cases assigned to this email; <see cref="Unassigned"/> for cases nobody has taken.</param>
public sealed record CaseQuery(CaseStatusFilter Status = CaseStatusFilter.Waiting, string? Reason = null, string? AssignedTo = null)
{
    /// <summary>The <see cref="AssignedTo"/> value that means "nobody".</summary>
    public const string Unassigned = "(unassigned)";
}

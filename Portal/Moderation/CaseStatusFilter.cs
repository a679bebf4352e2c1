namespace Portal.Moderation;

/// <summary>Which cases the queue lists by status.</summary>
public enum CaseStatusFilter
{
    /// <summary>Open and escalated: everything still waiting for a decision.</summary>
    Waiting = 0,
    Open = 1,
    Escalated = 2,
    Closed = 3,
    All = 4,
}

using Portal.Engine.Catalog;

namespace Portal.Moderation;

/// <summary>A row of the queue: the case, the reasons it was reported for, and the video (null if it no longer exists).</summary>
public sealed record CaseSummary(
    int Id,
    int VideoId,
    CaseStatus Status,
    DateTime OpenedAt,
    DateTime LastReportedAt,
    int ReportCount,
    IReadOnlyList<string> Reasons,
    string? AssignedTo,
    VideoDetails? Video);

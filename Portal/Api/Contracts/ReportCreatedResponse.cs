namespace Portal.Api.Contracts;

/// <summary>The report was filed.</summary>
/// <param name="CaseId">The moderation case the report belongs to: the video's open case, or a new one.</param>
/// <param name="ReportId">The report's own id.</param>
/// <param name="NewCase">True when this report opened the case.</param>
public sealed record ReportCreatedResponse(int CaseId, long ReportId, bool NewCase);

namespace Portal.Moderation;

/// <summary>A report as it arrives, before it is checked.</summary>
/// <param name="VideoId">The reported video.</param>
/// <param name="Reason">One of <see cref="ReportReasons.All"/>.</param>
/// <param name="Text">What the reporter wrote; at most <see cref="ModerationReport.TextMaxLength"/> characters.</param>
/// <param name="UserId">The app user who reported it, if known.</param>
public sealed record NewReport(long? VideoId, string? Reason, string? Text, long? UserId);

namespace Portal.Moderation;

/// <summary>One report about a video: from an app (through the API, on behalf of a user) or from a member of staff.</summary>
public sealed class ModerationReport
{
    public const int TextMaxLength = 1_000;
    public const int ReporterMaxLength = 256;

    public long Id { get; set; }

    public int CaseId { get; set; }

    public ModerationCase? Case { get; set; }

    public int VideoId { get; set; }

    /// <summary>One of <see cref="ReportReasons.All"/>.</summary>
    public string Reason { get; set; } = "";

    /// <summary>What the reporter wrote, if anything.</summary>
    public string? Text { get; set; }

    /// <summary>The app user who reported it, when an app says so.</summary>
    public long? UserId { get; set; }

    /// <summary>Who sent the report: an API key ("api key \"ios-app\"") or a staff member's email.</summary>
    public string ReportedBy { get; set; } = "";

    public DateTime At { get; set; }
}

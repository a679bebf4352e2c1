namespace Portal.Moderation;

/// <summary>
/// The reports about one video that wait for, or had, a decision. A new report joins the video's open (or escalated)
/// case; once the case is closed, the next report opens a new one.
/// </summary>
public sealed class ModerationCase
{
    public const int ActorMaxLength = 256;
    public const int NoteMaxLength = 1_000;

    public int Id { get; set; }

    public int VideoId { get; set; }

    /// <summary>The video's creator and sound when the case was opened, so that their history pages can list it.</summary>
    public int CreatorId { get; set; }

    public int SoundId { get; set; }

    public CaseStatus Status { get; set; }

    /// <summary>When the first report came in: the queue is oldest first.</summary>
    public DateTime OpenedAt { get; set; }

    public DateTime LastReportedAt { get; set; }

    public int ReportCount { get; set; }

    /// <summary>The sign-in email of the moderator who took the case; null while nobody has.</summary>
    public string? AssignedTo { get; set; }

    public DateTime? AssignedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    /// <summary>How the case ended, in words ("Video removed: spam").</summary>
    public string? Resolution { get; set; }

    public List<ModerationReport> Reports { get; set; } = [];
}

namespace Portal.Engine.Moderation;

/// <summary>
/// One change of a video's, creator's or sound's moderation status, in the engine's own history: what the feed
/// could serve at any moment (for replaying a logged request) is the current status with later changes undone.
/// </summary>
public sealed class ModerationChange
{
    public long Id { get; set; }

    public ModerationSubject Subject { get; set; }

    public int SubjectId { get; set; }

    /// <summary>The status before, as its integer value (ModerationStatus, CreatorStatus or SoundStatus).</summary>
    public int From { get; set; }

    public int To { get; set; }

    public DateTime At { get; set; }

    public string ChangedBy { get; set; } = "";
}

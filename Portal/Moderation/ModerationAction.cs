using Portal.Engine.Moderation;

namespace Portal.Moderation;

/// <summary>
/// One decision about a video, creator or sound: who asked for it and why, who approved it when two people must
/// agree, the status before and after (the engine's values), and whether it was later reversed.
/// </summary>
public sealed class ModerationAction
{
    public const int NoteMaxLength = 1_000;
    public const int ActorMaxLength = 256;

    public long Id { get; set; }

    public ModerationActionKind Kind { get; set; }

    public ModerationSubject Subject { get; set; }

    public int SubjectId { get; set; }

    /// <summary>The case it was taken from, if any.</summary>
    public int? CaseId { get; set; }

    /// <summary>One of <see cref="ModerationReasons.For"/> the kind.</summary>
    public string ReasonCode { get; set; } = "";

    public string Note { get; set; } = "";

    public ModerationActionState State { get; set; }

    public string RequestedBy { get; set; } = "";

    public DateTime RequestedAt { get; set; }

    /// <summary>The second moderator who approved or rejected a pending action.</summary>
    public string? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DecisionNote { get; set; }

    public DateTime? AppliedAt { get; set; }

    /// <summary>The engine status before the action took effect (ModerationStatus, CreatorStatus or SoundStatus as a number).</summary>
    public int? FromStatus { get; set; }

    /// <summary>The engine status the action sets.</summary>
    public int ToStatus { get; set; }

    /// <summary>For a reversal: the action it undoes.</summary>
    public long? ReversesActionId { get; set; }

    /// <summary>For a reversed action: the reversal that undid it.</summary>
    public long? ReversedByActionId { get; set; }
}

namespace Portal.Moderation;

/// <summary>Where a moderation action stands.</summary>
public enum ModerationActionState
{
    /// <summary>Waiting for a second moderator (two-person rule); nothing has changed yet.</summary>
    Pending = 0,

    /// <summary>In effect since <see cref="ModerationAction.AppliedAt"/>.</summary>
    Applied = 1,

    /// <summary>The second moderator turned it down; it never took effect.</summary>
    Rejected = 2,

    /// <summary>Was in effect, then undone by a <see cref="ModerationActionKind.Reversal"/>.</summary>
    Reversed = 3,
}

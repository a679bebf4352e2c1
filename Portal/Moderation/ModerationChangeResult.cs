namespace Portal.Moderation;

/// <summary>The outcome of a change to a case or an action: what it is now, or why nothing changed (in words a moderator understands).</summary>
public sealed record ModerationChangeResult(bool Succeeded, string? Error, ModerationAction? Action = null, bool Pending = false)
{
    public static ModerationChangeResult Ok(ModerationAction? action = null, bool pending = false) => new(true, null, action, pending);

    public static ModerationChangeResult Failed(string error) => new(false, error);
}

namespace Portal.Engine.Moderation;

/// <summary>What a moderation change did: the status before and after, or why nothing changed.</summary>
public sealed record ModerationResult(bool Succeeded, string? Error, int Before, int After)
{
    public static ModerationResult Failed(string error) => new(false, error, 0, 0);
}

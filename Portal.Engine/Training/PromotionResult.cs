namespace Portal.Engine.Training;

/// <summary>What a promotion or rollback did, in words staff can read.</summary>
public sealed record PromotionResult(bool Succeeded, string? Version, string Message)
{
    public static PromotionResult Done(string version, string message) => new(true, version, message);

    public static PromotionResult Refused(string message) => new(false, null, message);
}

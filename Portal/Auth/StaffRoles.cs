namespace Portal.Auth;

/// <summary>The roles a member of staff can hold. What each may do is in <see cref="Policies"/>.</summary>
public static class StaffRoles
{
    public const string Admin = "Admin";

    public const string Moderator = "Moderator";

    public const string ProductManager = "ProductManager";

    public const string Auditor = "Auditor";

    public static IReadOnlyList<string> All { get; } = [Admin, Moderator, ProductManager, Auditor];

    /// <summary>The name shown to people ("Product manager").</summary>
    public static string DisplayName(string role) => role switch
    {
        ProductManager => "Product manager",
        _ => role,
    };

    /// <summary>One line on what the role is for.</summary>
    public static string Description(string role) => role switch
    {
        Admin => "Runs the portal: staff accounts, API keys and everything else.",
        Moderator => "Reviews reported videos, creators and sounds, and looks up what users were served.",
        ProductManager => "Tunes diversity rules, previews feeds and runs training.",
        Auditor => "Reads everything (audit trail, moderation, what was served) and changes nothing.",
        _ => "",
    };
}

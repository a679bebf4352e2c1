namespace Portal.Auth;

/// <summary>
/// The permission matrix: what each staff role may do. Pages name one of these constants
/// (<c>@attribute [Authorize(Policy = Policies.ManageStaff)]</c>); <see cref="All"/> is the one place
/// that says which roles satisfy which policy, so the portal can also show and enumerate it.
/// </summary>
public static class Policies
{
    public const string ViewPortal = nameof(ViewPortal);

    public const string ManageStaff = nameof(ManageStaff);

    public const string Moderate = nameof(Moderate);

    public const string EditRules = nameof(EditRules);

    public const string ManageTraining = nameof(ManageTraining);

    public const string ViewAudit = nameof(ViewAudit);

    public const string ManageApiKeys = nameof(ManageApiKeys);

    public const string ViewModeration = nameof(ViewModeration);

    public const string ReportContent = nameof(ReportContent);

    public const string ViewServedFeeds = nameof(ViewServedFeeds);

    public const string ViewJobsDashboard = nameof(ViewJobsDashboard);

    public static IReadOnlyList<PolicyDefinition> All { get; } =
    [
        new(ViewPortal, "Sign in and see the overview", StaffRoles.All),
        new(ManageStaff, "Create staff accounts, change roles, unlock accounts", [StaffRoles.Admin]),
        new(Moderate, "Review and act on reported content", [StaffRoles.Admin, StaffRoles.Moderator]),
        new(EditRules, "Change the diversity rules", [StaffRoles.Admin, StaffRoles.ProductManager]),
        new(ManageTraining, "Run training and promote models", [StaffRoles.Admin, StaffRoles.ProductManager]),
        new(ViewAudit, "Read the audit trail", [StaffRoles.Admin, StaffRoles.Auditor]),
        new(ManageApiKeys, "Issue and revoke API keys", [StaffRoles.Admin]),
        new(ViewModeration, "Read the moderation queue, cases and the history of videos, creators and sounds", [StaffRoles.Admin, StaffRoles.Moderator, StaffRoles.Auditor]),
        new(ReportContent, "Report a video for moderators to review", [StaffRoles.Admin, StaffRoles.Moderator, StaffRoles.ProductManager]),
        new(ViewServedFeeds, "Look up what any user was served and replay it", [StaffRoles.Admin, StaffRoles.Moderator, StaffRoles.Auditor]),
        new(ViewJobsDashboard, "Open the background jobs dashboard (Hangfire)", [StaffRoles.Admin]),
    ];

    public static PolicyDefinition Get(string name) =>
        All.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException($"There is no policy named '{name}'.", nameof(name));

    /// <summary>True when holding <paramref name="role"/> satisfies <paramref name="policy"/>.</summary>
    public static bool Allows(string policy, string role) => Get(policy).Roles.Contains(role);
}

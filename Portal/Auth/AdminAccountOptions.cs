using System.ComponentModel.DataAnnotations;

namespace Portal.Auth;

/// <summary>
/// The first administrator, created on a start when no account holds the Admin role. Section <c>Portal:Admin</c>.
/// With no <see cref="Password"/> configured, a strong password is generated and printed once to the console.
/// </summary>
public sealed class AdminAccountOptions
{
    public const string SectionName = "Portal:Admin";

    [Required]
    [EmailAddress]
    public string Email { get; set; } = "admin@portal.local";

    /// <summary>The first administrator's password; leave empty to have one generated.</summary>
    public string? Password { get; set; }

    [Required]
    [StringLength(StaffUser.DisplayNameMaxLength)]
    public string DisplayName { get; set; } = "Administrator";
}

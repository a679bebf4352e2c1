using Microsoft.AspNetCore.Identity;

namespace Portal.Auth;

/// <summary>A member of staff who signs in to the portal. The user name is the email address.</summary>
public sealed class StaffUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    /// <summary>The name shown in the app bar and in lists ("Ada Lovelace").</summary>
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

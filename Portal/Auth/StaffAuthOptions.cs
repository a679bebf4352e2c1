using System.ComponentModel.DataAnnotations;

namespace Portal.Auth;

/// <summary>How staff sessions behave. Section <c>Portal:Auth</c>.</summary>
public sealed class StaffAuthOptions
{
    public const string SectionName = "Portal:Auth";

    /// <summary>
    /// How often an open session re-checks the account's security stamp, so that a changed role,
    /// a lock-out or a deleted account takes effect without the person signing out.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a sign-in lasts without activity.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed sign-ins in a row before an account is locked.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}

using System.Security.Claims;
using Portal.Audit;

namespace Portal.Auth;

/// <summary>
/// Who asks the portal to do something: the signed-in member of staff and the address their browser connects from.
/// Services check the caller's roles on the server and record the caller in the audit trail.
/// </summary>
/// <param name="User">The staff member's principal (name, roles).</param>
/// <param name="ClientAddress">The browser's IP address as the portal saw it; null when unknown.</param>
public sealed record StaffCaller(ClaimsPrincipal User, string? ClientAddress)
{
    /// <summary>The sign-in email, as the audit trail and the moderation records name people.</summary>
    public string Name => User.Identity?.IsAuthenticated == true && !string.IsNullOrEmpty(User.Identity.Name) ? User.Identity.Name : "someone not signed in";

    public bool IsAuthenticated => User.Identity?.IsAuthenticated == true;

    public bool IsInRole(string role) => User.IsInRole(role);

    public AuditActor Actor => new(Name, ClientAddress);
}

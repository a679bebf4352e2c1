using System.Security.Claims;
using Portal.Auth;

namespace Portal.Tests.Web;

/// <summary>Members of staff for calling the portal's services directly, as a signed-in session would.</summary>
public static class TestStaff
{
    public static ClaimsPrincipal Principal(string email, params string[] roles) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, email), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
        "test"));

    public static StaffCaller Caller(string email, params string[] roles) => new(Principal(email, roles), "192.0.2.10");

    /// <summary>A caller named after its role: "moderator@portal.test".</summary>
    public static StaffCaller As(string role) => Caller($"{role.ToLowerInvariant()}@portal.test", role);
}

using Hangfire.Dashboard;

namespace Portal.Auth;

/// <summary>
/// Lets only staff with <see cref="Policies.ViewJobsDashboard"/> (Admins) into the Hangfire dashboard. Hangfire answers
/// 401 to someone not signed in (the portal's fallback policy has already sent them to the sign-in page) and 403 to
/// other staff, whose refusal goes to the audit trail like any other.
/// </summary>
public sealed class AdminDashboardAuthorizationFilter : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var caller = new StaffCaller(http.User, http.Connection.RemoteIpAddress?.ToString());
        return await http.RequestServices.GetRequiredService<StaffAuthorization>()
            .DemandAsync(caller, Policies.ViewJobsDashboard, $"open the jobs dashboard ({http.Request.Path})", $"endpoint:{http.Request.Path}", http.RequestAborted);
    }
}

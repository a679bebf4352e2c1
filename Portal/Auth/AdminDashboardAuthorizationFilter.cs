using Hangfire.Dashboard;

namespace Portal.Auth;

/// <summary>
/// Lets only signed-in Admins into the Hangfire dashboard. Hangfire answers 401 to someone not signed in (the
/// portal's fallback policy has already sent them to the sign-in page) and 403 to other staff.
/// </summary>
public sealed class AdminDashboardAuthorizationFilter : IDashboardAsyncAuthorizationFilter
{
    public Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return Task.FromResult(user.Identity?.IsAuthenticated == true && user.IsInRole(StaffRoles.Admin));
    }
}

using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Storage;

namespace Portal.Auth;

public static class StaffIdentityServiceCollectionExtensions
{
    /// <summary>
    /// Staff sign-in: ASP.NET Core Identity over <see cref="PortalDbContext"/>, cookie authentication,
    /// the policies of <see cref="Policies.All"/>, a fallback policy that requires a signed-in member of staff,
    /// and a revalidating authentication state for interactive sessions. The data protection keys that sign the
    /// cookies live in the portal database, so that instances sharing it accept each other's sign-ins.
    /// </summary>
    public static IServiceCollection AddStaffIdentity(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Portal").PersistKeysToDbContext<PortalDbContext>();
        services.AddOptions<StaffAuthOptions>().BindConfiguration(StaffAuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdminAccountOptions>().BindConfiguration(AdminAccountOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddErrorDescriber<PlainIdentityErrorDescriber>();

        services.AddOptions<IdentityOptions>().Configure<IOptions<StaffAuthOptions>>((identity, auth) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = auth.Value.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = auth.Value.LockoutDuration;
        });
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<StaffAuthOptions>>((stamp, auth) =>
            stamp.ValidationInterval = auth.Value.RevalidationInterval);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<StaffAuthOptions>>((cookie, auth) =>
        {
            cookie.Cookie.Name = "Portal.Staff";
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.ExpireTimeSpan = auth.Value.SessionLifetime;
            cookie.SlidingExpiration = true;
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(StaffPolicy(Policies.Get(Policies.ViewPortal)))
            .AddStaffPolicies();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, StaffRevalidatingAuthenticationStateProvider>();
        services.AddSingleton<StaffAccountsInitializer>();
        services.AddSingleton<StaffDirectory>();
        return services;
    }

    private static AuthorizationBuilder AddStaffPolicies(this AuthorizationBuilder builder)
    {
        foreach (var policy in Policies.All)
        {
            builder.AddPolicy(policy.Name, StaffPolicy(policy));
        }

        return builder;
    }

    private static AuthorizationPolicy StaffPolicy(PolicyDefinition policy) =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(policy.Roles).Build();
}

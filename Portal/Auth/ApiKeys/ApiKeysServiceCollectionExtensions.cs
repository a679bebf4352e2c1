using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Audit;

namespace Portal.Auth.ApiKeys;

public static class ApiKeysServiceCollectionExtensions
{
    /// <summary>
    /// Creating, listing and revoking keys (<see cref="ApiKeyDirectory"/>) and the in-memory cache of active keys:
    /// what the portal and the <c>apikey</c> command share. Needs the portal's storage.
    /// </summary>
    public static IServiceCollection AddApiKeyDirectory(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddAuditTrail();
        services.TryAddSingleton<ApiKeyCache>();
        services.TryAddSingleton<ApiKeyDirectory>();
        return services;
    }

    /// <summary>
    /// The <c>ApiKey</c> authentication scheme (the <c>X-Api-Key</c> header), the <c>ApiClient</c> policy that API
    /// routes require, last-use tracking and the background refresh of the active keys. The staff cookie stays
    /// the default scheme: only routes that ask for <see cref="ApiKeyDefaults.Policy"/> look at the header.
    /// </summary>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddApiKeyDirectory();
        services.TryAddSingleton<ApiKeyUsage>();
        services.AddHostedService<ApiKeyRefreshService>();
        services.AddProblemDetails();

        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, displayName: "API key", _ => { });
        services.AddAuthorizationBuilder().AddPolicy(ApiKeyDefaults.Policy, new AuthorizationPolicyBuilder(ApiKeyDefaults.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(ApiKeyDefaults.KeyHashClaim)
            .Build());
        return services;
    }
}

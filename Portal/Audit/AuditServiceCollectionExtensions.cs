using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Auth;

namespace Portal.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit trail itself (<see cref="IAuditTrail"/>), for the portal and the command line. Needs the portal's storage.</summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditTrail, AuditTrail>();
        return services;
    }

    /// <summary>
    /// The audit trail, its reading side (the Audit page's list, verify and export), server-side permission checks
    /// that record refusals, the current member of staff of a circuit, and the recording of refused requests. Goes
    /// after <c>AddPortalApi</c>: it wraps the authorization result handler registered before it.
    /// </summary>
    public static IServiceCollection AddPortalAudit(this IServiceCollection services)
    {
        services.AddAuditTrail();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<AuditChainVerifier>();
        services.TryAddSingleton<AuditReview>();
        services.TryAddSingleton<StaffAuthorization>();
        services.TryAddScoped<CurrentStaff>();

        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IAuthorizationMiddlewareResultHandler));
        if (inner is not null)
        {
            services.Remove(inner);
        }

        services.AddSingleton<IAuthorizationMiddlewareResultHandler>(provider => new AuditingAuthorizationResultHandler(
            inner is null ? new AuthorizationMiddlewareResultHandler() : Create(provider, inner),
            provider.GetRequiredService<IAuditTrail>()));
        return services;
    }

    public static IEndpointConventionBuilder MapPortalAudit(this IEndpointRouteBuilder endpoints) => endpoints.MapAuditEndpoints();

    private static IAuthorizationMiddlewareResultHandler Create(IServiceProvider provider, ServiceDescriptor descriptor) => (IAuthorizationMiddlewareResultHandler)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}

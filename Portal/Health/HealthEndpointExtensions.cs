using Portal.Engine.Storage;
using Portal.Storage;

namespace Portal.Health;

public static class HealthEndpointExtensions
{
    public const string Path = "/healthz";

    /// <summary>One check per database: the engine's and the portal's.</summary>
    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck<EngineDbContext>>("engine-database")
            .AddCheck<DatabaseHealthCheck<PortalDbContext>>("portal-database");
        return services;
    }

    /// <summary><c>GET /healthz</c>: 200 "Healthy" when both databases answer, 503 otherwise. Open to anyone (load balancers, monitors).</summary>
    public static IEndpointConventionBuilder MapPortalHealthChecks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks(Path).AllowAnonymous().DisableHttpMetrics();
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Engine.Catalog;
using Portal.Engine.Feed;
using Portal.Engine.Instances;
using Portal.Engine.Storage;
using Portal.Engine.Synthetic;
using Portal.Engine.Training;

namespace Portal.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>The engine's one entry point: everything the portal, the CLI and the tests use.</summary>
    public static IServiceCollection AddPortalEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEngineStorage(configuration);
        services.AddInstances();
        services.AddSyntheticWorld();
        services.AddFeed();
        services.AddCatalogStatistics();
        services.AddTraining();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Engine.Catalog;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>Read-side services over the catalog: <see cref="CatalogStatistics"/> and <see cref="CatalogLookup"/>.</summary>
    public static IServiceCollection AddCatalogStatistics(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CatalogStatistics>();
        services.TryAddSingleton<CatalogLookup>();
        return services;
    }
}

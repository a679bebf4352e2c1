using Microsoft.Extensions.DependencyInjection;
using Portal.Engine.Storage;

namespace Portal.Engine.Instances;

public static class InstancesServiceCollectionExtensions
{
    /// <summary>What several instances on one database share: this instance's id, the change markers, leases, and the sync that reads the markers.</summary>
    public static IServiceCollection AddInstances(this IServiceCollection services)
    {
        services.AddOptions<InstancesOptions>().BindConfiguration(InstancesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EngineInstance>();
        services.AddSingleton<SharedChanges>();
        services.AddSingleton<LeaseStore>();
        services.AddSingleton<InstanceSyncService>();
        return services;
    }

    /// <summary>Runs <see cref="InstanceSyncService"/> in the host (it returns at once when sync is off).</summary>
    public static IServiceCollection AddInstanceSync(this IServiceCollection services) =>
        services.AddHostedService(provider => provider.GetRequiredService<InstanceSyncService>());
}

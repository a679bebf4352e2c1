using Microsoft.Extensions.DependencyInjection;

namespace Portal.Engine.Synthetic;

public static class SyntheticServiceCollectionExtensions
{
    /// <summary>The world seeder and the first-start preparation state. The hosted service that prepares the world is added by the host (<see cref="AddFirstStartWorld"/>).</summary>
    public static IServiceCollection AddSyntheticWorld(this IServiceCollection services)
    {
        services.AddOptions<WorldOptions>().BindConfiguration(WorldOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WorldSeeder>();
        services.AddSingleton<WorldPreparation>();
        return services;
    }

    /// <summary>Prepares the configured world in the background on a first start with an empty database.</summary>
    public static IServiceCollection AddFirstStartWorld(this IServiceCollection services) =>
        services.AddHostedService<FirstStartWorldService>();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Portal.Engine.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the engine's database: a pooled <see cref="IDbContextFactory{EngineDbContext}"/> over SQLite and the initializer.</summary>
    public static IServiceCollection AddEngineStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddPooledDbContextFactory<EngineDbContext>((provider, options) =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName) ?? StorageOptions.DefaultConnectionString;
            options.UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(Math.Max(30, storage.BusyTimeoutMilliseconds / 1000 + 5)))
                .AddInterceptors(new SqlitePragmaInterceptor(storage.BusyTimeoutMilliseconds));
        });
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<SqliteWriteQueue>();
        return services;
    }
}

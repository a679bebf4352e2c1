using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Portal.Engine.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine's database for the configured provider (<c>Engine:Storage:Provider</c>): a pooled factory
    /// of that provider's context, handed out as <see cref="IDbContextFactory{EngineDbContext}"/>, the initializer and
    /// the write queue. Configuration is read when the services are first resolved, not now, so that settings added
    /// later (a test host's, say) count.
    /// </summary>
    public static IServiceCollection AddEngineStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddPooledDbContextFactory<SqliteEngineDbContext>((services, options) =>
        {
            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            options.UseSqlite(ConnectionString(configuration, storage), sqlite => sqlite.CommandTimeout(CommandTimeoutSeconds(storage)))
                .AddInterceptors(new SqlitePragmaInterceptor(storage.BusyTimeoutMilliseconds, storage.MemoryMapMegabytes));
        });
        services.AddPooledDbContextFactory<PostgresEngineDbContext>((services, options) =>
        {
            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            options.UseNpgsql(ConnectionString(configuration, storage), npgsql => npgsql
                .CommandTimeout(CommandTimeoutSeconds(storage))
                .MigrationsHistoryTable("__EFMigrationsHistory_Engine"));
        });
        services.AddSingleton<IDbContextFactory<EngineDbContext>>(services =>
            services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == DatabaseProvider.PostgreSql
                ? new EngineDbContextFactory<PostgresEngineDbContext>(services.GetRequiredService<IDbContextFactory<PostgresEngineDbContext>>())
                : new EngineDbContextFactory<SqliteEngineDbContext>(services.GetRequiredService<IDbContextFactory<SqliteEngineDbContext>>()));
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<WriteQueue>();
        return services;
    }

    private static string ConnectionString(IConfiguration configuration, StorageOptions storage)
    {
        var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName) ?? StorageOptions.DefaultConnectionString;
        if (storage.Provider == DatabaseProvider.PostgreSql && connectionString.TrimStart().StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("Engine:Storage:Provider is PostgreSql, but ConnectionStrings:Engine is a SQLite file. Set it to a PostgreSQL connection string (Host=...;Database=...;Username=...;Password=...).");
        }

        return connectionString;
    }

    private static int CommandTimeoutSeconds(StorageOptions storage) => Math.Max(30, storage.BusyTimeoutMilliseconds / 1000 + 5);
}

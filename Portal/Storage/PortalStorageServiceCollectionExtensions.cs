using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Audit;
using Portal.Engine.Storage;

namespace Portal.Storage;

public static class PortalStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the portal's database for the configured provider (<c>Portal:Storage:Provider</c>, or the engine's
    /// when unset): a factory of that provider's context, handed out as <see cref="IDbContextFactory{PortalDbContext}"/>
    /// for components (one context per operation), and a scoped <see cref="PortalDbContext"/> for the Identity stores.
    /// On PostgreSQL without <c>ConnectionStrings:Portal</c> the portal uses the engine's database (its own tables and
    /// migrations history). Configuration is read when the services are first resolved, so that settings added later
    /// (a test host's, say) count.
    /// </summary>
    public static IServiceCollection AddPortalStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalStorageOptions>().BindConfiguration(PortalStorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        services.AddDbContextFactory<SqlitePortalDbContext>((provider, options) =>
        {
            var storage = provider.GetRequiredService<IOptions<PortalStorageOptions>>().Value;
            options.UseSqlite(ConnectionString(configuration, DatabaseProvider.Sqlite), sqlite => sqlite.CommandTimeout(CommandTimeoutSeconds(storage)))
                .AddInterceptors(new PortalSqlitePragmaInterceptor(storage.BusyTimeoutMilliseconds), new AuditAppendOnlyInterceptor());
        });
        services.AddDbContextFactory<PostgresPortalDbContext>((provider, options) =>
        {
            var storage = provider.GetRequiredService<IOptions<PortalStorageOptions>>().Value;
            options.UseNpgsql(ConnectionString(configuration, DatabaseProvider.PostgreSql), npgsql => npgsql
                    .CommandTimeout(CommandTimeoutSeconds(storage))
                    .MigrationsHistoryTable(PortalStorageOptions.PostgreSqlMigrationsHistoryTable))
                .AddInterceptors(new AuditAppendOnlyInterceptor());
        });
        services.AddSingleton<IDbContextFactory<PortalDbContext>>(provider =>
            provider.GetRequiredService<IOptions<PortalStorageOptions>>().Value.ProviderFor(provider.GetRequiredService<IOptions<StorageOptions>>().Value) == DatabaseProvider.PostgreSql
                ? new PortalDbContextFactory<PostgresPortalDbContext>(provider.GetRequiredService<IDbContextFactory<PostgresPortalDbContext>>())
                : new PortalDbContextFactory<SqlitePortalDbContext>(provider.GetRequiredService<IDbContextFactory<SqlitePortalDbContext>>()));
        services.AddScoped<PortalDbContext>(provider => provider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        services.AddSingleton<PortalDatabaseInitializer>();
        return services;
    }

    private static string ConnectionString(IConfiguration configuration, DatabaseProvider provider)
    {
        var connectionString = configuration.GetConnectionString(PortalStorageOptions.ConnectionStringName);
        if (provider == DatabaseProvider.Sqlite)
        {
            return connectionString ?? PortalStorageOptions.DefaultConnectionString;
        }

        connectionString ??= configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        if (connectionString is null || connectionString.TrimStart().StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("The portal database is on PostgreSQL (Portal:Storage:Provider, or the engine's when unset), but neither ConnectionStrings:Portal nor ConnectionStrings:Engine is a PostgreSQL connection string. Set one (Host=...;Database=...;Username=...;Password=...), or set Portal:Storage:Provider to Sqlite.");
        }

        return connectionString;
    }

    private static int CommandTimeoutSeconds(PortalStorageOptions storage) => Math.Max(30, storage.BusyTimeoutMilliseconds / 1000 + 5);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Audit;

namespace Portal.Storage;

public static class PortalStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the portal's database: an <see cref="IDbContextFactory{PortalDbContext}"/> for components
    /// (one context per operation) and a scoped <see cref="PortalDbContext"/> for the Identity stores.
    /// </summary>
    public static IServiceCollection AddPortalStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalStorageOptions>().BindConfiguration(PortalStorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddDbContextFactory<PortalDbContext>((provider, options) =>
        {
            var storage = provider.GetRequiredService<IOptions<PortalStorageOptions>>().Value;
            var connectionString = configuration.GetConnectionString(PortalStorageOptions.ConnectionStringName) ?? PortalStorageOptions.DefaultConnectionString;
            options.UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(Math.Max(30, storage.BusyTimeoutMilliseconds / 1000 + 5)))
                .AddInterceptors(new PortalSqlitePragmaInterceptor(storage.BusyTimeoutMilliseconds), new AuditAppendOnlyInterceptor());
        });
        services.AddSingleton<PortalDatabaseInitializer>();
        return services;
    }
}

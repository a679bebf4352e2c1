using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Engine.Storage;
using Portal.Storage;

namespace Portal.Tests.Web.Hosting;

/// <summary>Instances deployed together start together: on a fresh PostgreSQL database, each brings the schemas up once.</summary>
public sealed class SimultaneousStartTests
{
    [Fact]
    public async Task Start_TwoInstancesAtOnceOnAFreshDatabase_BothStartOnOneSchema()
    {
        await using var first = new PortalAppFactory(DatabaseProvider.PostgreSql);
        await using var second = new PortalAppFactory(DatabaseProvider.PostgreSql, first.PostgresDatabase);

        // Resolving the services starts each host, and with it the engine's and the portal's migrations and Hangfire's schema.
        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

        foreach (var app in new[] { first, second })
        {
            await using var portal = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            Assert.Empty(await portal.Database.GetPendingMigrationsAsync());
            Assert.Equal(portal.Database.GetMigrations(), await portal.Database.GetAppliedMigrationsAsync());
            await using var engine = await app.EngineContexts.CreateDbContextAsync();
            Assert.Empty(await engine.Database.GetPendingMigrationsAsync());
        }
    }
}

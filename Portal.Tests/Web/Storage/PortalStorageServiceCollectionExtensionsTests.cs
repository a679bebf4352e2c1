using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Engine.Storage;
using Portal.Storage;

namespace Portal.Tests.Web.Storage;

public sealed class PortalStorageServiceCollectionExtensionsTests
{
    private const string Postgres = "Host=db.internal;Database=portal;Username=portal";

    [Fact]
    public void Provider_Unset_FollowsTheEngineIntoItsDatabase()
    {
        using var services = Build(new()
        {
            ["Engine:Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:Engine"] = Postgres,
            ["Portal:Storage:Provider"] = "",
        });

        using var db = services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

        Assert.IsType<PostgresPortalDbContext>(db);
        Assert.Equal(Postgres, db.Database.GetConnectionString());
    }

    [Fact]
    public void Provider_Unset_WithTheEngineOnSqlite_IsSqliteWithItsOwnFile()
    {
        using var services = Build(new() { ["ConnectionStrings:Portal"] = "Data Source=elsewhere/portal.db" });

        using var db = services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

        Assert.IsType<SqlitePortalDbContext>(db);
        Assert.Equal("Data Source=elsewhere/portal.db", db.Database.GetConnectionString());
    }

    [Fact]
    public void Provider_SqliteWhileTheEngineIsOnPostgreSql_KeepsThePortalOnSqlite()
    {
        using var services = Build(new()
        {
            ["Engine:Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:Engine"] = Postgres,
            ["Portal:Storage:Provider"] = "Sqlite",
        });

        using var db = services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

        Assert.IsType<SqlitePortalDbContext>(db);
        Assert.Equal(PortalStorageOptions.DefaultConnectionString, db.Database.GetConnectionString());
    }

    [Fact]
    public void Provider_PostgreSql_PrefersThePortalsOwnConnectionString_AndItsOwnHistoryTable()
    {
        using var services = Build(new()
        {
            ["Portal:Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = Postgres + "2",
        });

        using var db = services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        using var scope = services.CreateScope();

        Assert.Equal(Postgres + "2", db.Database.GetConnectionString());
        Assert.IsType<PostgresPortalDbContext>(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
        var history = db.GetService<IHistoryRepository>();
        Assert.Contains(PortalStorageOptions.PostgreSqlMigrationsHistoryTable, history.GetCreateScript(), StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_PostgreSqlWithASqliteFile_SaysWhatToSet()
    {
        using var services = Build(new()
        {
            ["Engine:Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:Engine"] = Postgres,
            ["ConnectionStrings:Portal"] = "Data Source=data/portal.db",
        });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());

        Assert.Contains("Portal:Storage:Provider to Sqlite", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddPortalStorage(configuration);
        return services.BuildServiceProvider();
    }
}

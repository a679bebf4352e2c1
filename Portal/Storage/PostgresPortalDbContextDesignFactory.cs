using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Storage;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without a server (migrations need none).</summary>
internal sealed class PostgresPortalDbContextDesignFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortalDbContext>()
            .UseNpgsql("Host=localhost;Database=portal", npgsql => npgsql.MigrationsHistoryTable(PortalStorageOptions.PostgreSqlMigrationsHistoryTable))
            .Options);
}

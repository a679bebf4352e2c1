using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Engine.Storage;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without a server (migrations need none).</summary>
internal sealed class PostgresEngineDbContextDesignFactory : IDesignTimeDbContextFactory<PostgresEngineDbContext>
{
    public PostgresEngineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresEngineDbContext>().UseNpgsql("Host=localhost;Database=portal_engine").Options);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Engine.Storage;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the portal.</summary>
internal sealed class SqliteEngineDbContextDesignFactory : IDesignTimeDbContextFactory<SqliteEngineDbContext>
{
    public SqliteEngineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEngineDbContext>().UseSqlite(StorageOptions.DefaultConnectionString).Options);
}

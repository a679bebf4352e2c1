using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Storage;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the portal.</summary>
internal sealed class SqlitePortalDbContextDesignFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(PortalStorageOptions.DefaultConnectionString).Options);
}

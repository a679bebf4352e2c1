using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Storage;

/// <summary>Lets <c>dotnet ef</c> build the context without starting the portal.</summary>
internal sealed class PortalDbContextDesignFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(PortalStorageOptions.DefaultConnectionString).Options);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Engine.Storage;

/// <summary>Lets <c>dotnet ef</c> build the context without starting the portal.</summary>
internal sealed class EngineDbContextDesignFactory : IDesignTimeDbContextFactory<EngineDbContext>
{
    public EngineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EngineDbContext>().UseSqlite(StorageOptions.DefaultConnectionString).Options);
}

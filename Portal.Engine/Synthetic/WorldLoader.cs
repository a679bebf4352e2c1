using Microsoft.EntityFrameworkCore;
using Portal.Engine.Storage;

namespace Portal.Engine.Synthetic;

/// <summary>Bulk-loads a generated world into the engine database in one transaction.</summary>
public sealed class WorldLoader(IDbContextFactory<EngineDbContext> contexts)
{
    public Task LoadAsync(World world, bool replaceExisting, IProgress<WorldSeedProgress>? progress, CancellationToken ct) => contexts is null ? Task.CompletedTask : throw new NotImplementedException();
}

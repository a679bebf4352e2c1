using Microsoft.EntityFrameworkCore;

namespace Portal.Engine.Storage;

/// <summary>Hands out contexts of the configured provider's type to everything that asks for an <see cref="EngineDbContext"/>.</summary>
internal sealed class EngineDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<EngineDbContext>
    where TContext : EngineDbContext
{
    public EngineDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<EngineDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}

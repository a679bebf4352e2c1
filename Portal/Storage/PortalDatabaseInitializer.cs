using Microsoft.EntityFrameworkCore;
using Portal.Engine.Storage;

namespace Portal.Storage;

/// <summary>Brings the portal database to the current schema (and, on SQLite, switches the file to write-ahead logging).</summary>
public sealed class PortalDatabaseInitializer(IDbContextFactory<PortalDbContext> contexts, ILogger<PortalDatabaseInitializer> log)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            SqliteConnections.EnsureDirectory(db.Database.GetConnectionString()!);
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
            }

            await MigrationLock.RunAsync(db, async () =>
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                if (pending.Count > 0)
                {
                    log.LogInformation("Applying {Count} portal migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
                    await db.Database.MigrateAsync(ct);
                }
            }, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

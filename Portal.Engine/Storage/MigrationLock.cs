using Microsoft.EntityFrameworkCore;

namespace Portal.Engine.Storage;

/// <summary>
/// Keeps instances that start together on one PostgreSQL database from applying the same migration twice: whoever
/// migrates holds a session-level advisory lock, and the others wait for it and then find nothing left to apply.
/// SQLite needs none (one process owns the file, and its writes are serialised anyway).
/// </summary>
public static class MigrationLock
{
    /// <summary>The advisory lock's key, shared by the engine's and the portal's migrations in one database.</summary>
    private const long Key = 0x506F7274616C4D; // "PortalM"

    /// <summary>Runs <paramref name="migrate"/> under the lock, on the context's open connection.</summary>
    public static async Task RunAsync(DbContext db, Func<Task> migrate, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await migrate();
            return;
        }

        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({Key})", ct);
        try
        {
            await migrate();
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({Key})", CancellationToken.None);
        }
    }
}

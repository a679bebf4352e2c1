using Microsoft.EntityFrameworkCore;

namespace Portal.Storage;

public static class PortalTableLocks
{
    /// <summary>
    /// Inside a transaction, makes writers to <typeparamref name="TEntity"/>'s table take turns until it ends, while
    /// readers go on. On SQLite the transaction already holds the file's write lock (Microsoft.Data.Sqlite begins
    /// immediate transactions), so this does nothing; on PostgreSQL, where read committed lets two instances read the
    /// same last row and both write after it, it locks the table in EXCLUSIVE mode.
    /// </summary>
    public static async Task LockForWritingAsync<TEntity>(this PortalDbContext db, CancellationToken ct = default)
        where TEntity : class
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the portal's model.");
        var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        var sql = $"LOCK TABLE {table} IN EXCLUSIVE MODE"; // the name comes from the model, never from input
        await db.Database.ExecuteSqlRawAsync(sql, ct);
    }
}

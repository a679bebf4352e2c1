using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portal.Engine.Storage;

/// <summary>
/// What a bulk load (a generated world, an imported data set) needs around its inserts, for SQLite and PostgreSQL:
/// emptying the engine's tables (only the engine's — on PostgreSQL the portal's tables may share the database),
/// dropping secondary indexes for the load and rebuilding them once, and refreshing the planner's statistics.
/// </summary>
public sealed class BulkLoad(DbConnection connection, IReadOnlyList<string> engineTables, IReadOnlyDictionary<string, string[]> parents)
{
    /// <summary>Tables whose secondary indexes are rebuilt after a load instead of maintained row by row.</summary>
    private static readonly string[] ReindexedTables = ["Events", "VideoHashtags", "Videos", "AppUsers"];

    public DbConnection Connection { get; } = connection;

    private bool IsSqlite => Connection is SqliteConnection;

    /// <summary>The engine's tables and which tables each references, read from the EF model.</summary>
    public static BulkLoad For(EngineDbContext db)
    {
        var tables = new List<string>();
        var parents = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null || tables.Contains(table))
            {
                continue;
            }

            tables.Add(table);
            parents[table] = entity.GetForeignKeys().Select(k => k.PrincipalEntityType.GetTableName()).OfType<string>().Where(p => p != table).Distinct().ToArray();
        }

        return new BulkLoad(db.Database.GetDbConnection(), tables, parents);
    }

    public DbTransaction Begin() => Connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: false) : Connection.BeginTransaction();

    /// <summary>Empties every engine table (children before the tables they reference), keeping the migration history.</summary>
    public void ClearEngineTables(DbTransaction transaction)
    {
        if (!IsSqlite)
        {
            Execute(transaction, $"TRUNCATE TABLE {string.Join(", ", engineTables.Select(t => $"\"{t}\""))} RESTART IDENTITY");
            return;
        }

        var remaining = new HashSet<string>(engineTables, StringComparer.Ordinal);
        while (remaining.Count > 0)
        {
            var leaf = remaining.Where(t => !remaining.Any(other => parents.GetValueOrDefault(other, []).Contains(t))).Order(StringComparer.Ordinal).FirstOrDefault()
                ?? remaining.Order(StringComparer.Ordinal).First();
            Execute(transaction, $"DELETE FROM \"{leaf}\"");
            remaining.Remove(leaf);
        }
    }

    /// <summary>Drops the non-unique secondary indexes of the big tables; returns the statements that rebuild them.</summary>
    public List<string> DropSecondaryIndexes(DbTransaction transaction)
    {
        var indexes = new List<(string Name, string Sql)>();
        var tableList = string.Join(", ", ReindexedTables.Select(t => $"'{t}'"));
        using (var list = Connection.Command(transaction, IsSqlite
            ? $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND name LIKE 'IX_%' AND tbl_name IN ({tableList})"
            : $"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE 'IX_%' AND tablename IN ({tableList})"))
        {
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            Execute(transaction, $"DROP INDEX \"{name}\"");
        }

        return indexes.Select(i => i.Sql).ToList();
    }

    /// <summary>Refreshes the query planner's statistics after a load (outside the transaction).</summary>
    public void Analyse() => Execute(null, IsSqlite ? "PRAGMA optimize" : "ANALYZE");

    public void Execute(DbTransaction? transaction, string sql)
    {
        using var command = Connection.Command(transaction, sql);
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}

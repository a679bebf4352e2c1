using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Portal.Engine.Storage;

/// <summary>Small facts about SQLite connection strings and connections that several parts of the engine need.</summary>
public static class SqliteConnections
{
    /// <summary>Creates the folder a file database lives in, so that a fresh checkout can start with no setup.</summary>
    public static void EnsureDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    /// <summary>The full path of a file database, or null for an in-memory one.</summary>
    public static string? FilePath(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? null : Path.GetFullPath(dataSource);
    }

    internal static void ApplyPragmas(DbConnection connection, int busyTimeoutMilliseconds)
    {
        using var command = connection.CreateCommand();
        // Memory-mapped reads share the operating system's page cache instead of copying pages into every
        // connection's own cache.
        command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA mmap_size = 1073741824;";
        command.ExecuteNonQuery();
    }
}

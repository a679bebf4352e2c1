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

    /// <param name="memoryMapMegabytes">
    /// How much of the file reads may map (<c>mmap_size</c>). Mapped pages are shared with the operating system's page
    /// cache rather than copied into each connection's cache, which reads faster, but every mapped page the process
    /// touched counts in its resident memory; 0 reads through the (bounded) page cache instead.
    /// </param>
    internal static void ApplyPragmas(DbConnection connection, int busyTimeoutMilliseconds, int memoryMapMegabytes)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA mmap_size = {memoryMapMegabytes * 1024L * 1024L};";
        command.ExecuteNonQuery();
    }
}

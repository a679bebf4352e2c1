using System.ComponentModel.DataAnnotations;

namespace Portal.Engine.Storage;

/// <summary>How the engine talks to its database. Section <c>Engine:Storage</c>; the connection string is <c>ConnectionStrings:Engine</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Engine:Storage";

    public const string ConnectionStringName = "Engine";

    public const string DefaultConnectionString = "Data Source=data/engine.db";

    /// <summary>Sqlite (the embedded default) or PostgreSql (for several instances on one database).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>How long a command waits for a locked database before it fails, in milliseconds.</summary>
    [Range(0, 600_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>
    /// Commit writes with <c>synchronous = FULL</c>: an acknowledged event survives a power cut, not only a crash of
    /// the process. Off trades that for speed (WAL with <c>NORMAL</c> still survives a killed process).
    /// </summary>
    public bool DurableCommits { get; set; } = true;

    /// <summary>
    /// SQLite only: how many megabytes of the database file reads may memory-map. Mapping reads a little faster, but
    /// every mapped page the process touches counts in its resident memory (the whole file, for a large world), so the
    /// default reads through SQLite's bounded page cache.
    /// </summary>
    [Range(0, 65_536)]
    public int MemoryMapMegabytes { get; set; }

    /// <summary>Apply pending migrations when the application starts.</summary>
    public bool MigrateOnStart { get; set; } = true;
}

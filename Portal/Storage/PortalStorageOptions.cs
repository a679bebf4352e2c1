using System.ComponentModel.DataAnnotations;
using Portal.Engine.Storage;

namespace Portal.Storage;

/// <summary>How the portal talks to its own database. Section <c>Portal:Storage</c>; the connection string is <c>ConnectionStrings:Portal</c>.</summary>
public sealed class PortalStorageOptions
{
    public const string SectionName = "Portal:Storage";

    public const string ConnectionStringName = "Portal";

    public const string DefaultConnectionString = "Data Source=data/portal.db";

    /// <summary>
    /// The portal's migrations history table on PostgreSQL, apart from the engine's, so that the portal's and the
    /// engine's schemas can share one database.
    /// </summary>
    public const string PostgreSqlMigrationsHistoryTable = "__EFMigrationsHistory_Portal";

    /// <summary>
    /// Sqlite or PostgreSql. Unset, the portal follows the engine (<c>Engine:Storage:Provider</c>): several instances
    /// on one PostgreSQL engine database need their staff, keys and audit log shared too.
    /// </summary>
    public DatabaseProvider? Provider { get; set; }

    /// <summary>How long a command waits for a locked database before it fails, in milliseconds.</summary>
    [Range(0, 600_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>The provider in use: <see cref="Provider"/>, or the engine's when unset.</summary>
    public DatabaseProvider ProviderFor(StorageOptions engine) => Provider ?? engine.Provider;
}

using System.ComponentModel.DataAnnotations;

namespace Portal.Storage;

/// <summary>How the portal talks to its own database. Section <c>Portal:Storage</c>; the connection string is <c>ConnectionStrings:Portal</c>.</summary>
public sealed class PortalStorageOptions
{
    public const string SectionName = "Portal:Storage";

    public const string ConnectionStringName = "Portal";

    public const string DefaultConnectionString = "Data Source=data/portal.db";

    /// <summary>How long a command waits for a locked SQLite database before it fails, in milliseconds.</summary>
    [Range(0, 600_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 10_000;
}

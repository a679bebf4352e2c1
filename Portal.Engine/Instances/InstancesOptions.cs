using System.ComponentModel.DataAnnotations;
using Portal.Engine.Storage;

namespace Portal.Engine.Instances;

/// <summary>How several engine instances on one database keep each other current. Section <c>Engine:Instances</c>.</summary>
public sealed class InstancesOptions
{
    public const string SectionName = "Engine:Instances";

    /// <summary>
    /// Pick up changes other instances made (rules, models, moderation, catalog, popularity, users) and a user's events
    /// and batches stored by them. Unset means on for PostgreSql and off for Sqlite (one instance).
    /// </summary>
    public bool? Sync { get; set; }

    /// <summary>How often, in seconds, an instance looks for changes made by the others.</summary>
    [Range(1, 300)]
    public int SyncIntervalSeconds { get; set; } = 2;

    /// <summary>Whether sync is on for the given storage provider.</summary>
    public bool SyncEnabled(DatabaseProvider provider) => Sync ?? provider == DatabaseProvider.PostgreSql;
}

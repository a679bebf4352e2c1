using System.ComponentModel.DataAnnotations;

namespace Portal.Auth.ApiKeys;

/// <summary>How API keys are checked and their use recorded. Section <c>Portal:Api:Keys</c>.</summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Portal:Api:Keys";

    /// <summary>
    /// How often each instance re-reads the active keys from the portal database. A key created or revoked in this
    /// instance applies at once; one created or revoked elsewhere (another instance, the <c>apikey</c> command)
    /// applies within this interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How precisely "last used" is kept: a key's last use is written at most once per this interval, in the
    /// background, never while a request waits.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LastUsedPrecision { get; set; } = TimeSpan.FromMinutes(1);
}

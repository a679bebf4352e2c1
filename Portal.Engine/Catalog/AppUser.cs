namespace Portal.Engine.Catalog;

/// <summary>A viewer of the apps: the person feeds are built for (not a staff member).</summary>
public sealed class AppUser
{
    public long Id { get; set; }

    /// <summary>ISO 639-1 code of the user's preferred language.</summary>
    public string Language { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2 code of the country setting.</summary>
    public string Country { get; set; } = "";

    public DeviceType Device { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>False when the user opted out of personalised feeds.</summary>
    public bool Personalized { get; set; } = true;
}

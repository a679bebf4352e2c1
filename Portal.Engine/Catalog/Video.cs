namespace Portal.Engine.Catalog;

/// <summary>A short video in the catalog.</summary>
public sealed class Video
{
    public int Id { get; set; }

    public int CreatorId { get; set; }

    public Creator? Creator { get; set; }

    public int SoundId { get; set; }

    public Sound? Sound { get; set; }

    public string Caption { get; set; } = "";

    /// <summary>ISO 639-1 code of the spoken or written language; null for a language-neutral video (music, dance, animals).</summary>
    public string? Language { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of the country the video was made in.</summary>
    public string OriginCountry { get; set; } = "";

    /// <summary>Comma-separated country codes the video may be shown in; null means everywhere.</summary>
    public string? AllowedCountries { get; set; }

    /// <summary>True when the video uses an interactive effect that only the mobile apps can play (not served to <see cref="DeviceType.Web"/>).</summary>
    public bool RequiresApp { get; set; }

    public int DurationSeconds { get; set; }

    public DateTime CreatedAt { get; set; }

    public ModerationStatus Moderation { get; set; }

    /// <summary>The video's hashtags in the order the creator gave them; the first is the dominant one.</summary>
    public List<VideoHashtag> Hashtags { get; set; } = [];
}

namespace Portal.Engine.Catalog;

/// <summary>A sound (song or original audio) that videos use.</summary>
public sealed class Sound
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public string Artist { get; set; } = "";

    /// <summary>True for audio recorded by a creator rather than a licensed track.</summary>
    public bool IsOriginal { get; set; }

    public DateTime CreatedAt { get; set; }

    public SoundStatus Status { get; set; }
}

namespace Portal.Engine.Synthetic;

/// <summary>Which generated world a database holds: enough to regenerate it and to tell staff what they are looking at.</summary>
public sealed class WorldRecord
{
    public int Id { get; set; }

    public string Preset { get; set; } = "";

    public int Seed { get; set; }

    /// <summary>The "now" the world's timeline ends at.</summary>
    public DateTime Anchor { get; set; }

    public DateTime GeneratedAt { get; set; }

    public int Videos { get; set; }

    public int Creators { get; set; }

    public int Sounds { get; set; }

    public int Users { get; set; }

    public int Events { get; set; }
}

namespace Portal.Engine.Synthetic;

/// <summary>The hidden truth about a generated sound. Read by the simulator only, never by the engine.</summary>
public sealed class SoundTruth
{
    public int SoundId { get; set; }

    /// <summary>The theme the sound belongs to, or -1 for a sound trending across themes.</summary>
    public int Theme { get; set; } = -1;

    public float Appeal { get; set; }

    /// <summary>Relative popularity weight (power law) used when creators pick a sound.</summary>
    public float Popularity { get; set; }
}

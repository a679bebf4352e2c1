namespace Portal.Engine.Synthetic;

/// <summary>The hidden truth about a generated creator. Read by the simulator only, never by the engine.</summary>
public sealed class CreatorTruth
{
    public int CreatorId { get; set; }

    public int PrimaryTheme { get; set; }

    /// <summary>A second theme, or -1 for a creator who specialises in one.</summary>
    public int SecondaryTheme { get; set; } = -1;

    public float Quality { get; set; }
}

namespace Portal.Engine.Diversity;

/// <summary>
/// The diversity rules the engine starts with when no version has been published yet (version 1). Afterwards
/// staff publish new versions in the portal and these values no longer apply. Section <c>Engine:Diversity</c>.
/// </summary>
public sealed class DiversityOptions
{
    public const string SectionName = "Engine:Diversity";

    public int MaxPerCreator { get; set; } = 1;

    public int MaxPerSound { get; set; } = 1;

    public int MaxPerCluster { get; set; } = 3;

    public int MinDistinctClusters { get; set; } = 4;

    public int CreatorCooldown { get; set; } = 16;

    public int SoundCooldown { get; set; } = 8;

    public int ExplorationSlots { get; set; } = 1;

    public double MmrLambda { get; set; } = 0.75;

    public DiversityRules ToRules() => new()
    {
        MaxPerCreator = MaxPerCreator,
        MaxPerSound = MaxPerSound,
        MaxPerCluster = MaxPerCluster,
        MinDistinctClusters = MinDistinctClusters,
        CreatorCooldown = CreatorCooldown,
        SoundCooldown = SoundCooldown,
        ExplorationSlots = ExplorationSlots,
        MmrLambda = MmrLambda,
    };
}

namespace Portal.Engine.Diversity;

/// <summary>
/// The staff-editable limits applied after ranking. Validated by <see cref="DiversityRulesValidator"/>;
/// when the eligible catalog cannot meet them all, the re-ranker relaxes them in <see cref="RelaxationOrder"/>.
/// </summary>
public sealed record DiversityRules
{
    /// <summary>Most videos from one creator in a batch.</summary>
    public int MaxPerCreator { get; init; } = 1;

    /// <summary>Most videos with one sound in a batch.</summary>
    public int MaxPerSound { get; init; } = 1;

    /// <summary>Most videos from one topic group (cluster) in a batch.</summary>
    public int MaxPerCluster { get; init; } = 3;

    /// <summary>Fewest distinct topic groups in a batch.</summary>
    public int MinDistinctClusters { get; init; } = 4;

    /// <summary>A creator served within the user's last this-many served items is not served again yet.</summary>
    public int CreatorCooldown { get; init; } = 16;

    /// <summary>A sound served within the user's last this-many served items is not served again yet.</summary>
    public int SoundCooldown { get; init; } = 8;

    /// <summary>Slots per batch kept for videos from topic groups the user has not engaged with.</summary>
    public int ExplorationSlots { get; init; } = 1;

    /// <summary>Maximal marginal relevance trade-off: 1 ranks by score alone, 0 by novelty against the batch so far.</summary>
    public double MmrLambda { get; init; } = 0.75;

    /// <summary>The order rules give way in when the catalog is too small to meet them all: first the softest.</summary>
    public static IReadOnlyList<string> RelaxationOrder { get; } =
    [
        nameof(ExplorationSlots),
        nameof(SoundCooldown),
        nameof(CreatorCooldown),
        nameof(MinDistinctClusters),
        nameof(MaxPerCluster),
        nameof(MaxPerSound),
        nameof(MaxPerCreator),
    ];
}

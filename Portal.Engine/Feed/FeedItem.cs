namespace Portal.Engine.Feed;

/// <summary>One video of a batch with everything that explains it.</summary>
/// <param name="Position">1-based position in the batch.</param>
/// <param name="Score">Predicted engagement, 0..1.</param>
/// <param name="RankBefore">1-based rank by score before the diversity step.</param>
/// <param name="Features">Feature values in <see cref="Ranking.RankingFeatures.Names"/> order.</param>
/// <param name="RuleEffects">How the diversity rules moved it, in plain words.</param>
public sealed record FeedItem(
    int Position,
    int VideoId,
    int CreatorId,
    string CreatorHandle,
    int SoundId,
    string SoundTitle,
    string Caption,
    IReadOnlyList<string> Hashtags,
    int Cluster,
    string ClusterName,
    string? Language,
    float Score,
    int RankBefore,
    bool Exploration,
    IReadOnlyList<FeedReason> Reasons,
    IReadOnlyList<float> Features,
    IReadOnlyList<string> RuleEffects);

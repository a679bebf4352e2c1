namespace Portal.Api.Contracts;

/// <summary>One video of a batch with how it was chosen.</summary>
/// <param name="Cluster">The name of the video's topic group.</param>
/// <param name="ClusterId">The topic group's id in the model that served it.</param>
/// <param name="Language">The video's language code; null when it has none (music, visual gags).</param>
/// <param name="Reasons">Why the video is in the batch: the source that proposed it, a stable code and a sentence.</param>
/// <param name="Sources">The candidate sources that proposed the video.</param>
/// <param name="Score">Predicted engagement, 0..1.</param>
/// <param name="RankBefore">1-based rank by score before the diversity rules.</param>
/// <param name="Position">1-based position in the batch.</param>
/// <param name="Exploration">True when the video fills an exploration slot.</param>
/// <param name="Features">The ranker's feature values by name (popularity, contentSimilarity, clusterAffinity, ...).</param>
/// <param name="RuleEffects">How the diversity rules moved the video, in plain words.</param>
public sealed record ExplainedFeedItemResponse(
    int VideoId,
    int CreatorId,
    string CreatorHandle,
    int SoundId,
    string SoundTitle,
    string Caption,
    IReadOnlyList<string> Hashtags,
    string Cluster,
    int ClusterId,
    string? Language,
    IReadOnlyList<FeedReasonResponse> Reasons,
    IReadOnlyList<string> Sources,
    float Score,
    int RankBefore,
    int Position,
    bool Exploration,
    IReadOnlyDictionary<string, float> Features,
    IReadOnlyList<string> RuleEffects);

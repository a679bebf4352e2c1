using System.ComponentModel.DataAnnotations;

namespace Portal.Engine.Ranking;

/// <summary>
/// Weights of the heuristic ranker: predicted engagement = sigmoid(bias + Σ weight · feature), features as
/// <see cref="RankingFeatures"/> documents them. Section <c>Engine:Ranking</c>.
/// </summary>
public sealed class RankingOptions
{
    public const string SectionName = "Engine:Ranking";

    [Range(-20, 20)] public double Bias { get; set; } = -2.0;

    [Range(-20, 20)] public double Popularity { get; set; } = 1.0;

    [Range(-20, 20)] public double Trending { get; set; } = 0.4;

    [Range(-20, 20)] public double ContentSimilarity { get; set; } = 1.6;

    [Range(-20, 20)] public double ClusterAffinity { get; set; } = 1.2;

    [Range(-20, 20)] public double CreatorAffinity { get; set; } = 0.8;

    [Range(-20, 20)] public double SoundAffinity { get; set; } = 0.3;

    [Range(-20, 20)] public double CoEngagement { get; set; } = 1.0;

    [Range(-20, 20)] public double Freshness { get; set; } = 0.3;

    [Range(-20, 20)] public double LanguageMatch { get; set; } = 0.3;

    [Range(-20, 20)] public double SourceCount { get; set; } = 0.4;

    [Range(-20, 20)] public double Fatigue { get; set; } = -3.0;

    [Range(-20, 20)] public double Exploration { get; set; } = 0.0;

    [Range(-20, 20)] public double ClusterProximity { get; set; } = 0.8;

    [Range(-20, 20)] public double Collaborative { get; set; } = 1.2;

    /// <summary>Use the learned ranker of the active model when it has one (otherwise this heuristic serves).</summary>
    public bool UseLearnedRanker { get; set; } = true;

    public float[] Weights() =>
    [
        (float)Popularity, (float)Trending, (float)ContentSimilarity, (float)ClusterAffinity, (float)CreatorAffinity, (float)SoundAffinity,
        (float)CoEngagement, (float)Freshness, (float)LanguageMatch, (float)SourceCount, (float)Fatigue, (float)Exploration,
        (float)ClusterProximity, (float)Collaborative,
    ];
}

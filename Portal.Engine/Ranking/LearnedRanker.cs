using Portal.Engine.Candidates;
using Portal.Engine.Feed;

namespace Portal.Engine.Ranking;

/// <summary>The ranker a training run learned: LightGBM's trees over <see cref="RankingFeatures"/>, evaluated by <see cref="TreeEnsemble"/>.</summary>
public sealed class LearnedRanker(string version, TreeEnsemble ensemble, IReadOnlyDictionary<string, double> featureImportance) : IRanker
{
    public string Name => $"lightgbm {version}";

    public TreeEnsemble Ensemble { get; } = ensemble;

    /// <summary>Total split gain per feature name, as LightGBM reported it.</summary>
    public IReadOnlyDictionary<string, double> FeatureImportance { get; } = featureImportance;

    public void Score(FeedContext context, IReadOnlyList<Candidate> candidates)
    {
        foreach (var candidate in candidates)
        {
            candidate.Features = FeatureExtractor.Extract(context, candidate);
            candidate.Score = Ensemble.Probability(candidate.Features);
        }
    }
}

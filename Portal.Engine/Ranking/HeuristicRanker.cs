using System.Numerics.Tensors;
using Microsoft.Extensions.Options;
using Portal.Engine.Candidates;
using Portal.Engine.Feed;

namespace Portal.Engine.Ranking;

/// <summary>The baseline ranker: a logistic score over <see cref="RankingFeatures"/> with the weights in <see cref="RankingOptions"/>.</summary>
public sealed class HeuristicRanker(IOptionsMonitor<RankingOptions> options) : IRanker
{
    public string Name => "heuristic";

    public void Score(FeedContext context, IReadOnlyList<Candidate> candidates)
    {
        var settings = options.CurrentValue;
        var weights = settings.Weights();
        var bias = (float)settings.Bias;
        foreach (var candidate in candidates)
        {
            candidate.Features = FeatureExtractor.Extract(context, candidate);
            var z = bias + TensorPrimitives.Dot(weights, candidate.Features);
            candidate.Score = 1f / (1f + MathF.Exp(-z));
        }
    }
}

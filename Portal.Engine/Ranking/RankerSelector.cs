using Microsoft.Extensions.Options;
using Portal.Engine.Training;

namespace Portal.Engine.Ranking;

/// <summary>Chooses the ranker for a model: its learned ranker when it has one and learned ranking is on, else the heuristic.</summary>
public sealed class RankerSelector(HeuristicRanker heuristic, IOptionsMonitor<RankingOptions> options)
{
    public HeuristicRanker Heuristic => heuristic;

    public IRanker For(RecommenderModel model) =>
        options.CurrentValue.UseLearnedRanker && model.LearnedRanker is { } learned ? learned : heuristic;
}

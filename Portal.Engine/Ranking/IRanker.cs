using Portal.Engine.Candidates;
using Portal.Engine.Feed;

namespace Portal.Engine.Ranking;

/// <summary>Orders candidates by predicted engagement: fills each candidate's features and score.</summary>
public interface IRanker
{
    /// <summary>A short name for explanations and the served log ("heuristic", "lightgbm v3").</summary>
    string Name { get; }

    void Score(FeedContext context, IReadOnlyList<Candidate> candidates);
}

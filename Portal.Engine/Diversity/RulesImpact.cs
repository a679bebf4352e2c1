namespace Portal.Engine.Diversity;

/// <summary>
/// How a set of rules plays out on a sample of users, each given several consecutive batches on a copy of their state:
/// <list type="bullet">
/// <item><see cref="RepetitionRate"/>: share of items whose creator or sound the same user was served within the previous 16 items</item>
/// <item><see cref="DistinctClusters"/>: mean number of topic groups per batch</item>
/// <item><see cref="Coverage"/>: distinct videos served across the sample, as a share of servable videos</item>
/// <item><see cref="MeanPredictedEngagement"/>: mean ranker score of served items</item>
/// <item><see cref="RelaxedShare"/>: share of batches in which a rule had to be relaxed</item>
/// </list>
/// </summary>
public sealed record RulesImpact(
    int Users,
    int Batches,
    int Items,
    double RepetitionRate,
    double DistinctClusters,
    double Coverage,
    double MeanPredictedEngagement,
    double RelaxedShare);

using Portal.Engine.Representation;

namespace Portal.Engine.Evaluation;

/// <summary>The outcome of an offline protocol on held-out data: its sizes, the ALS settings used, each method's <see cref="RankingScores"/>, and notes on what was done.</summary>
public sealed record HoldoutEvaluation(
    string Protocol,
    int K,
    long TrainRows,
    long TestRows,
    int Users,
    int Items,
    AlsOptions Als,
    IReadOnlyList<RankingScores> Methods,
    IReadOnlyList<string> Notes)
{
    public RankingScores? For(string method) => Methods.FirstOrDefault(m => m.Method == method);
}

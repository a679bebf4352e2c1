namespace Portal.Engine.Evaluation;

/// <summary>How one method did on the held-out events: ranking accuracy at 10 and what its lists look like.</summary>
public sealed record MethodMetrics(
    string Method,
    double Ndcg,
    double Recall,
    double HitRate,
    double Precision,
    double Map,
    double Coverage,
    double Diversity,
    double Novelty);

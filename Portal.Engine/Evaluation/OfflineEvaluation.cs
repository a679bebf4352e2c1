namespace Portal.Engine.Evaluation;

/// <summary>
/// The outcome of an offline evaluation: every method's metrics on the same test users. Methods are
/// <c>popularity</c>, <c>content</c>, <c>als</c> and one entry per pipeline evaluated (<c>full</c> for the
/// version being trained, <c>active</c> for the one serving).
/// </summary>
public sealed record OfflineEvaluation(DateTime Cutoff, int Users, int K, IReadOnlyList<MethodMetrics> Methods)
{
    public MethodMetrics? For(string method) => Methods.FirstOrDefault(m => m.Method == method);

    /// <summary>The metrics as flat <c>method.metric</c> keys, for the registry.</summary>
    public Dictionary<string, double> ToDictionary()
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal) { ["evaluation.users"] = Users };
        foreach (var m in Methods)
        {
            values[$"{m.Method}.ndcg@{K}"] = m.Ndcg;
            values[$"{m.Method}.recall@{K}"] = m.Recall;
            values[$"{m.Method}.hitrate@{K}"] = m.HitRate;
            values[$"{m.Method}.precision@{K}"] = m.Precision;
            values[$"{m.Method}.map@{K}"] = m.Map;
            values[$"{m.Method}.coverage"] = m.Coverage;
            values[$"{m.Method}.diversity"] = m.Diversity;
            values[$"{m.Method}.novelty"] = m.Novelty;
        }

        return values;
    }
}

using System.Numerics.Tensors;

namespace Portal.Engine.Evaluation;

/// <summary>
/// Offline metrics over ranked lists, pure functions. Relevance is binary: an item is relevant when it is in the
/// user's held-out set. Definitions follow Microsoft Recommenders' python evaluation: NDCG with log2 discounts and
/// the ideal ranking of min(k, |relevant|) hits; MAP divides the sum of precisions at each hit by |relevant|.
/// </summary>
public static class RankingMetrics
{
    /// <summary>Normalised discounted cumulative gain of the top <paramref name="k"/>.</summary>
    public static double Ndcg(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        if (relevant.Count == 0 || k <= 0)
        {
            return 0;
        }

        var dcg = 0.0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                dcg += 1.0 / Math.Log2(i + 2);
            }
        }

        var ideal = 0.0;
        for (var i = 0; i < Math.Min(k, relevant.Count); i++)
        {
            ideal += 1.0 / Math.Log2(i + 2);
        }

        return dcg / ideal;
    }

    /// <summary>Share of the relevant items found in the top <paramref name="k"/>.</summary>
    public static double Recall(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k) =>
        relevant.Count == 0 ? 0 : (double)Hits(ranked, relevant, k) / relevant.Count;

    /// <summary>Share of the top <paramref name="k"/> that is relevant.</summary>
    public static double Precision(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k) =>
        k <= 0 ? 0 : (double)Hits(ranked, relevant, k) / k;

    /// <summary>1 when any of the top <paramref name="k"/> is relevant, else 0.</summary>
    public static double HitRate(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k) =>
        Hits(ranked, relevant, k) > 0 ? 1 : 0;

    /// <summary>Average precision of the top <paramref name="k"/>: Σ precision@i over hits at rank i, divided by |relevant|.</summary>
    public static double AveragePrecision(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        if (relevant.Count == 0)
        {
            return 0;
        }

        var hits = 0;
        var sum = 0.0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                hits++;
                sum += (double)hits / (i + 1);
            }
        }

        return sum / relevant.Count;
    }

    /// <summary>Share of the catalog that appears in at least one list.</summary>
    public static double CatalogCoverage(IEnumerable<IReadOnlyList<int>> lists, int catalogSize) =>
        catalogSize <= 0 ? 0 : (double)lists.SelectMany(l => l).Distinct().Count() / catalogSize;

    /// <summary>Mean pairwise dissimilarity (1 − cosine) of a list's items; 0 for fewer than two items.</summary>
    public static double IntraListDiversity(IReadOnlyList<int> list, Func<int, ReadOnlyMemory<float>> vector)
    {
        if (list.Count < 2)
        {
            return 0;
        }

        var total = 0.0;
        var pairs = 0;
        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                total += 1 - TensorPrimitives.CosineSimilarity(vector(list[i]).Span, vector(list[j]).Span);
                pairs++;
            }
        }

        return total / pairs;
    }

    /// <summary>Mean self-information −log2 p(i) of a list's items, where p(i) is the share of users who engaged with i; unseen items count as seen by one user.</summary>
    public static double Novelty(IReadOnlyList<int> list, Func<int, int> usersWhoEngaged, int totalUsers)
    {
        if (list.Count == 0 || totalUsers <= 0)
        {
            return 0;
        }

        return list.Average(i => -Math.Log2(Math.Max(1, usersWhoEngaged(i)) / (double)totalUsers));
    }

    /// <summary>
    /// Share of items whose creator or sound already appeared within the previous <paramref name="window"/> items of
    /// the sequence (one user's successive batches, concatenated).
    /// </summary>
    public static double RepetitionRate(IReadOnlyList<(int Creator, int Sound)> sequence, int window)
    {
        if (sequence.Count == 0)
        {
            return 0;
        }

        var repeats = 0;
        for (var i = 0; i < sequence.Count; i++)
        {
            for (var j = Math.Max(0, i - window); j < i; j++)
            {
                if (sequence[j].Creator == sequence[i].Creator || sequence[j].Sound == sequence[i].Sound)
                {
                    repeats++;
                    break;
                }
            }
        }

        return (double)repeats / sequence.Count;
    }

    /// <summary>Adjusted Rand index of two labelings of the same items (1 identical, about 0 for chance).</summary>
    public static double AdjustedRandIndex(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        if (a.Count != b.Count)
        {
            throw new ArgumentException("Both labelings must cover the same items.", nameof(b));
        }

        var n = a.Count;
        var contingency = new Dictionary<(int, int), long>();
        var rows = new Dictionary<int, long>();
        var columns = new Dictionary<int, long>();
        for (var i = 0; i < n; i++)
        {
            contingency[(a[i], b[i])] = contingency.GetValueOrDefault((a[i], b[i])) + 1;
            rows[a[i]] = rows.GetValueOrDefault(a[i]) + 1;
            columns[b[i]] = columns.GetValueOrDefault(b[i]) + 1;
        }

        static double Pairs(long x) => x * (x - 1) / 2.0;
        var index = contingency.Values.Sum(Pairs);
        var rowPairs = rows.Values.Sum(Pairs);
        var columnPairs = columns.Values.Sum(Pairs);
        var expected = rowPairs * columnPairs / Pairs(n);
        var max = (rowPairs + columnPairs) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    private static int Hits(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        var hits = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            hits += relevant.Contains(ranked[i]) ? 1 : 0;
        }

        return hits;
    }
}

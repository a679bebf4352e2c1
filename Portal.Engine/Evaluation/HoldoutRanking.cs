using System.Numerics.Tensors;
using Portal.Engine.Representation;

namespace Portal.Engine.Evaluation;

/// <summary>What the offline protocols share: top-k lists from scores or a fixed order, and the metrics averaged over users.</summary>
internal static class HoldoutRanking
{
    /// <summary>The <paramref name="k"/> best-scored items not in <paramref name="exclude"/>, best first, ties by index.</summary>
    public static List<int> TopK(ReadOnlySpan<float> scores, HashSet<int> exclude, int k)
    {
        var best = new PriorityQueue<int, (float Score, int Negated)>(k + 1);
        for (var item = 0; item < scores.Length; item++)
        {
            if (exclude.Contains(item))
            {
                continue;
            }

            var key = (scores[item], -item);
            if (best.Count < k)
            {
                best.Enqueue(item, key);
            }
            else if (best.TryPeek(out _, out var lowest) && (key.Item1 > lowest.Score || (key.Item1 == lowest.Score && key.Item2 > lowest.Negated)))
            {
                best.DequeueEnqueue(item, key);
            }
        }

        var result = new int[best.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            result[i] = best.Dequeue();
        }

        return [.. result];
    }

    /// <summary>The first <paramref name="k"/> items of a fixed order that are not in <paramref name="exclude"/>.</summary>
    public static List<int> FirstK(int[] order, HashSet<int> exclude, int k)
    {
        var list = new List<int>(k);
        foreach (var item in order)
        {
            if (list.Count == k)
            {
                break;
            }

            if (!exclude.Contains(item))
            {
                list.Add(item);
            }
        }

        return list;
    }

    /// <summary>A user's ALS scores for every item.</summary>
    public static float[] AlsScores(AlsFactors factors, int user)
    {
        var scores = new float[factors.Items];
        var x = factors.User(user);
        for (var item = 0; item < scores.Length; item++)
        {
            scores[item] = TensorPrimitives.Dot(x, factors.Item(item));
        }

        return scores;
    }

    /// <summary>Ranks for every user in parallel and averages NDCG, recall, precision and average precision at k.</summary>
    public static RankingScores Score(string method, int[] users, Func<int, List<int>> recommend, HashSet<int>[] relevant, int k, double seconds, CancellationToken ct)
    {
        var lists = new List<int>[users.Length];
        Parallel.For(0, users.Length, new ParallelOptions { CancellationToken = ct }, i => lists[i] = recommend(users[i]));
        double ndcg = 0, recall = 0, precision = 0, map = 0;
        for (var i = 0; i < users.Length; i++)
        {
            var truth = relevant[users[i]];
            ndcg += RankingMetrics.Ndcg(lists[i], truth, k);
            recall += RankingMetrics.Recall(lists[i], truth, k);
            precision += RankingMetrics.Precision(lists[i], truth, k);
            map += RankingMetrics.AveragePrecision(lists[i], truth, k);
        }

        var n = Math.Max(1, users.Length);
        return new RankingScores(method, users.Length, ndcg / n, recall / n, precision / n, map / n, seconds);
    }
}

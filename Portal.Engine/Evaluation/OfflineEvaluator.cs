using System.Numerics.Tensors;
using Microsoft.Extensions.Options;
using Portal.Engine.Catalog;
using Portal.Engine.Diversity;
using Portal.Engine.Events;
using Portal.Engine.Feed;
using Portal.Engine.Training;

namespace Portal.Engine.Evaluation;

/// <summary>
/// Compares methods on a time-based split: everything before the cutoff is what the models (and the users' states)
/// may know, the positive engagements after it with videos the user had not touched are what each method should
/// find. For a sample of test users each method ranks the whole catalog (or, for a pipeline, its candidates) without
/// the videos the user already engaged with, and the top 10 are scored with <see cref="RankingMetrics"/>:
/// <list type="bullet">
/// <item><c>popularity</c>: time-decayed popularity as of the cutoff</item>
/// <item><c>content</c>: cosine of each video's content vector with the user's interest vector from their positives</item>
/// <item><c>als</c>: the user's collaborative factors against every video's</item>
/// <item>each pipeline: the feed's candidate sources and ranker, as it would have served the user at the cutoff</item>
/// </list>
/// </summary>
public sealed class OfflineEvaluator(FeedService feed, UserDirectory users, IOptions<FeedOptions> feedOptions)
{
    public const int K = 10;

    public OfflineEvaluation Evaluate(
        CatalogSnapshot catalog,
        EngagementSnapshot engagementAtCutoff,
        IReadOnlyList<EventRow> train,
        IReadOnlyList<EventRow> test,
        DateTime cutoff,
        RecommenderModel baselinesModel,
        IReadOnlyList<(string Name, RecommenderModel Model)> pipelines,
        DiversityRules rules,
        int sampleUsers,
        CancellationToken ct = default)
    {
        var trainByUser = train.GroupBy(e => e.User).ToDictionary(g => g.Key, g => g.OrderBy(e => e.AtMs).ToList());
        var relevant = new Dictionary<long, HashSet<int>>();
        foreach (var e in test.Where(e => e.IsPositive))
        {
            if (trainByUser.TryGetValue(e.User, out var history) && history.All(h => h.Video != e.Video))
            {
                if (!relevant.TryGetValue(e.User, out var set))
                {
                    relevant[e.User] = set = [];
                }

                set.Add(e.Video);
            }
        }

        var candidates = relevant.Keys.Where(u => users.Exists(u)).Order().ToArray();
        var step = Math.Max(1, candidates.Length / Math.Max(1, sampleUsers));
        var sample = candidates.Where((_, i) => i % step == 0).Take(sampleUsers).ToArray();
        if (sample.Length == 0)
        {
            return new OfflineEvaluation(cutoff, 0, K, []);
        }

        var engagedBy = new int[catalog.Count];
        foreach (var group in train.Where(e => e.Weight > 0).GroupBy(e => (e.User, e.Video)))
        {
            engagedBy[group.Key.Video]++;
        }

        var totalUsers = trainByUser.Count;
        var content = baselinesModel.Content;
        var methods = new List<MethodMetrics>();

        // Popularity: one global order, each user's own history left out.
        var byPopularity = Enumerable.Range(0, catalog.Count).OrderByDescending(v => engagementAtCutoff.Popularity[v]).ThenBy(v => v).Take(2_000).ToArray();
        methods.Add(Score("popularity", sample, u => byPopularity.Where(v => !Touched(trainByUser[u], v)).Take(K).ToList()));

        methods.Add(Score("content", sample, u =>
        {
            var interest = InterestVector(trainByUser[u], content);
            return interest is null ? [] : TopK(content.Values, content.Dimension, interest, null, trainByUser[u]);
        }));

        if (baselinesModel.Collaborative is { } als)
        {
            methods.Add(Score("als", sample, u =>
            {
                var factors = als.TrainedUser(u);
                return factors is null ? [] : TopK(als.ItemFactors, als.Factors, factors, als.HasItem, trainByUser[u]);
            }));
        }

        var settings = feedOptions.Value;
        foreach (var (name, model) in pipelines)
        {
            var snapshot = new ServingSnapshot(catalog, model, engagementAtCutoff, VideoAvailability.From(catalog));
            methods.Add(Score(name, sample, u =>
            {
                users.TryGet(u, out var profile);
                var state = new UserState(u, settings.RecentEngagements, settings.AffinityHalfLifeHours, settings.NotInterestedFatigueHours);
                foreach (var e in trainByUser[u])
                {
                    state.Apply(e.Id, catalog.VideoIds[e.Video], e.Kind, e.WatchFraction, e.AtMs, catalog);
                }

                var requestId = new Guid((int)(u % int.MaxValue), 0, 0, [0, 0, 0, 0, 0, 0, 0, 7]);
                return feed.RankCandidates(profile, state, snapshot, rules, cutoff, requestId).Select(c => c.Video).Take(K).ToList();
            }));
        }

        return new OfflineEvaluation(cutoff, sample.Length, K, methods);

        MethodMetrics Score(string method, long[] evaluated, Func<long, List<int>> recommend)
        {
            var lists = new List<int>[evaluated.Length];
            Parallel.For(0, evaluated.Length, new ParallelOptions { CancellationToken = ct }, i => lists[i] = recommend(evaluated[i]));
            double ndcg = 0, recall = 0, hit = 0, precision = 0, map = 0, diversity = 0, novelty = 0;
            for (var i = 0; i < evaluated.Length; i++)
            {
                var truth = relevant[evaluated[i]];
                var list = lists[i];
                ndcg += RankingMetrics.Ndcg(list, truth, K);
                recall += RankingMetrics.Recall(list, truth, K);
                hit += RankingMetrics.HitRate(list, truth, K);
                precision += RankingMetrics.Precision(list, truth, K);
                map += RankingMetrics.AveragePrecision(list, truth, K);
                diversity += RankingMetrics.IntraListDiversity(list, v => content.Values.AsMemory(v * content.Dimension, content.Dimension));
                novelty += RankingMetrics.Novelty(list, v => engagedBy[v], totalUsers);
            }

            var n = evaluated.Length;
            return new MethodMetrics(method, ndcg / n, recall / n, hit / n, precision / n, map / n, RankingMetrics.CatalogCoverage(lists, catalog.Count), diversity / n, novelty / n);
        }
    }

    private static bool Touched(List<EventRow> history, int video)
    {
        foreach (var e in history)
        {
            if (e.Video == video)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <see cref="K"/> rows of a row-major matrix with the highest dot product with <paramref name="query"/>, leaving out what the user touched.</summary>
    private static List<int> TopK(float[] rows, int dimension, float[] query, bool[]? include, List<EventRow> history)
    {
        var touched = history.Select(e => e.Video).ToHashSet();
        var count = rows.Length / dimension;
        var scores = new float[count];
        for (var v = 0; v < count; v++)
        {
            scores[v] = include is null || include[v] ? Primitives.DenseKernels.Dot(rows.AsSpan(v * dimension, dimension), query) : float.NegativeInfinity;
        }

        var best = new List<int>(K + 1);
        for (var v = 0; v < count; v++)
        {
            if (float.IsNegativeInfinity(scores[v]) || touched.Contains(v))
            {
                continue;
            }

            if (best.Count == K && scores[v] <= scores[best[^1]])
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && (scores[best[at - 1]] < scores[v] || (scores[best[at - 1]] == scores[v] && best[at - 1] > v)))
            {
                at--;
            }

            best.Insert(at, v);
            if (best.Count > K)
            {
                best.RemoveAt(K);
            }
        }

        return best;
    }

    /// <summary>The normalised, engagement-weighted sum of the content vectors of a user's positive engagements.</summary>
    private static float[]? InterestVector(List<EventRow> history, Representation.ContentVectors content)
    {
        var vector = new float[content.Dimension];
        var any = false;
        foreach (var e in history)
        {
            if (e.Weight > 0)
            {
                TensorPrimitives.MultiplyAdd(content.Of(e.Video), e.Weight, vector, vector);
                any = true;
            }
        }

        var norm = TensorPrimitives.Norm(vector);
        if (!any || norm <= 0)
        {
            return null;
        }

        TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }
}

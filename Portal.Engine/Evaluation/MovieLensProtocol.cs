using System.Diagnostics;
using Portal.Engine.Representation;

namespace Portal.Engine.Evaluation;

/// <summary>
/// Microsoft Recommenders' MovieLens benchmark protocol on a set of ratings:
/// <list type="number">
/// <item>a 75/25 split stratified by item (<see cref="MovieLensStratifiedSplit"/>);</item>
/// <item>models train on the training ratings only: <c>popularity</c> (items by how many training ratings they have)
/// and <c>als</c>, our implicit ALS with every training rating a preference of 1 at confidence <c>1 + α</c>, whatever
/// its value: the test counts every rating as relevant, so what there is to learn is which movies a user rates;</item>
/// <item>ALS's α and regularization are chosen on a validation split carved from the training ratings the same way
/// (75/25 by item, the next seed), by NDCG at k, among <see cref="HoldoutOptions.AlphaGrid"/> ×
/// <see cref="HoldoutOptions.RegularizationGrid"/>; then ALS trains on all the training ratings. The test set is
/// used once, to score the chosen model;</item>
/// <item>each user with ratings in both halves gets the top k of every item seen in training, without the items they
/// rated in training;</item>
/// <item>every test rating is relevant; NDCG, recall and precision at k and MAP (<see cref="RankingMetrics"/>, whose
/// definitions are Recommenders') are averaged over those users.</item>
/// </list>
/// </summary>
public static class MovieLensProtocol
{
    public const string Name = "movielens-stratified";

    public static HoldoutEvaluation Evaluate(IReadOnlyList<MovieLensRating> ratings, HoldoutOptions options, Action<string>? log = null, CancellationToken ct = default)
    {
        var split = MovieLensStratifiedSplit.Split(ratings, options.TrainShare, options.Seed);
        var problem = Problem.From(split);
        log?.Invoke($"split: {split.Train.Count:N0} training and {split.Test.Count:N0} test ratings; {problem.Users:N0} users and {problem.Items:N0} items in training");

        var notes = new List<string>
        {
            $"{split.Train.Count:N0} training and {split.Test.Count:N0} test ratings (75/25 stratified by item, seed {options.Seed}); items with one or two ratings train only",
            $"{problem.Evaluated.Length:N0} users evaluated (ratings in both halves); every test rating counts as relevant; training items are not recommended",
        };

        var als = ChooseAls(split.Train, options, notes, log, ct);
        var methods = new List<RankingScores>
        {
            problem.Popularity(options.K, ct),
            problem.Als(als, options.K, ct),
        };
        notes.Add($"als: binary preference, confidence 1 + {als.Alpha:0.###} for every rating, regularization {als.Regularization:0.###}, {als.Factors} factors, {als.Iterations} iterations");
        if (problem.UntrainedUsers > 0)
        {
            notes.Add($"{problem.UntrainedUsers:N0} users have test ratings only and are not evaluated (Recommenders leaves them out the same way)");
        }

        return new HoldoutEvaluation(Name, options.K, split.Train.Count, split.Test.Count, problem.Evaluated.Length, problem.Items, als, methods, notes);
    }

    /// <summary>α and regularization by NDCG on a validation split of the training ratings; the only choice when each grid has one value.</summary>
    private static AlsOptions ChooseAls(IReadOnlyList<MovieLensRating> train, HoldoutOptions options, List<string> notes, Action<string>? log, CancellationToken ct)
    {
        var candidates = options.AlphaGrid.SelectMany(a => options.RegularizationGrid.Select(r => options.Als with { Alpha = a, Regularization = r })).ToList();
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        var validation = Problem.From(MovieLensStratifiedSplit.Split(train, options.TrainShare, options.Seed + 1));
        var results = new List<(AlsOptions Als, double Ndcg)>();
        foreach (var candidate in candidates)
        {
            var ndcg = validation.Als(candidate, options.K, ct).Ndcg;
            results.Add((candidate, ndcg));
            log?.Invoke($"validation: α {candidate.Alpha:0.###}, regularization {candidate.Regularization:0.###} → NDCG@{options.K} {ndcg:0.0000}");
        }

        var best = results.OrderByDescending(r => r.Ndcg).First();
        notes.Add($"als: α and regularization chosen on a validation split of the training ratings (75/25 by item, seed {options.Seed + 1}) by NDCG@{options.K}: "
            + string.Join(", ", results.Select(r => $"{r.Als.Alpha:0.###}/{r.Als.Regularization:0.###} → {r.Ndcg:0.0000}")));
        return best.Als;
    }

    /// <summary>One split in dense indexes: what each user rated in training, what is relevant in test, and who is evaluated.</summary>
    private sealed class Problem
    {
        private Problem(MovieLensSplit split)
        {
            var userIds = split.Train.Select(r => r.User).Distinct().Order().ToArray();
            var itemIds = split.Train.Select(r => r.Item).Distinct().Order().ToArray();
            var userIndex = userIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            var itemIndex = itemIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            Users = userIds.Length;
            Items = itemIds.Length;
            Seen = new HashSet<int>[Users];
            Count = new int[Items];
            for (var u = 0; u < Users; u++)
            {
                Seen[u] = [];
            }

            Entries = new (int, int)[split.Train.Count];
            for (var r = 0; r < split.Train.Count; r++)
            {
                var user = userIndex[split.Train[r].User];
                var item = itemIndex[split.Train[r].Item];
                Entries[r] = (user, item);
                Seen[user].Add(item);
                Count[item]++;
            }

            // An item training never saw (none, with this split) still counts in |relevant|, under an id no list holds.
            Relevant = new HashSet<int>[Users];
            var untrained = new HashSet<long>();
            foreach (var r in split.Test)
            {
                if (!userIndex.TryGetValue(r.User, out var user))
                {
                    untrained.Add(r.User);
                    continue;
                }

                (Relevant[user] ??= []).Add(itemIndex.TryGetValue(r.Item, out var item) ? item : -1 - r.Item);
            }

            UntrainedUsers = untrained.Count;
            Evaluated = Enumerable.Range(0, Users).Where(u => Relevant[u] is not null).ToArray();
        }

        public int Users { get; }

        public int Items { get; }

        public HashSet<int>[] Seen { get; }

        public int[] Count { get; }

        public (int User, int Item)[] Entries { get; }

        public HashSet<int>[] Relevant { get; }

        public int[] Evaluated { get; }

        public int UntrainedUsers { get; }

        public static Problem From(MovieLensSplit split) => new(split);

        public RankingScores Popularity(int k, CancellationToken ct)
        {
            var clock = Stopwatch.StartNew();
            var order = Enumerable.Range(0, Items).OrderByDescending(i => Count[i]).ThenBy(i => i).ToArray();
            return HoldoutRanking.Score("popularity", Evaluated, u => HoldoutRanking.FirstK(order, Seen[u], k), Relevant, k, clock.Elapsed.TotalSeconds, ct);
        }

        public RankingScores Als(AlsOptions als, int k, CancellationToken ct)
        {
            var clock = Stopwatch.StartNew();
            var matrix = InteractionMatrix.From(Users, Items, Entries.Select(e => (e.User, e.Item, 1f, 1 + als.Alpha)));
            var factors = ImplicitAls.Train(matrix, als, ct: ct);
            return HoldoutRanking.Score("als", Evaluated, u => HoldoutRanking.TopK(HoldoutRanking.AlsScores(factors, u), Seen[u], k), Relevant, k, clock.Elapsed.TotalSeconds, ct);
        }
    }
}

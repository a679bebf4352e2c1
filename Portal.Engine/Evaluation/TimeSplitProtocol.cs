using System.Diagnostics;
using Portal.Engine.Representation;
using Portal.Engine.Storage;
using Portal.Engine.Training;

namespace Portal.Engine.Evaluation;

/// <summary>
/// A time split over stored events: the latest <see cref="HoldoutOptions.HoldoutShare"/> of the events (by time) are
/// held out. What each user engaged with positively after the cutoff (<see cref="Events.EngagementWeights.IsPositive"/>),
/// with videos they had not touched before it, is what a method should find; each user with events on both sides
/// gets the top k of the whole catalog without the videos they touched before the cutoff. Two content-free methods:
/// <c>popularity</c> (the sum of engagement weights before the cutoff, undecayed) and <c>als</c> (implicit ALS on each
/// user–video pair's summed weights, as the training pipeline builds it). The full pipeline (content, clusters,
/// ranker, diversity) is not part of this protocol: the <c>train</c> verb evaluates it on its own hold-out.
/// </summary>
public static class TimeSplitProtocol
{
    public const string Name = "time-split";

    /// <param name="events">Every event, oldest first, with <see cref="EventRow.Video"/> an index below <paramref name="videos"/>.</param>
    public static HoldoutEvaluation Evaluate(IReadOnlyList<EventRow> events, int videos, HoldoutOptions options, Action<string>? log = null, CancellationToken ct = default)
    {
        var k = options.K;
        var cutIndex = Math.Clamp((int)(events.Count * (1 - options.HoldoutShare)), 0, Math.Max(0, events.Count - 1));
        var cutoffMs = events.Count == 0 ? 0 : events[cutIndex].AtMs;
        var train = events.Where(e => e.AtMs < cutoffMs).ToList();
        var test = events.Where(e => e.AtMs >= cutoffMs).ToList();
        log?.Invoke($"cutoff {UtcDateTimeConverter.FromUnixMilliseconds(cutoffMs):u}: {train.Count:N0} events to train on, {test.Count:N0} held out");

        var userIds = train.Select(e => e.User).Distinct().Order().ToArray();
        var userIndex = userIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var touched = new HashSet<int>[userIds.Length];
        for (var u = 0; u < touched.Length; u++)
        {
            touched[u] = [];
        }

        var popularity = new double[videos];
        var sums = new Dictionary<long, float>();
        foreach (var e in train)
        {
            var user = userIndex[e.User];
            touched[user].Add(e.Video);
            var weight = e.Weight;
            popularity[e.Video] += weight;
            if (weight != 0)
            {
                var key = ((long)user << 32) | (uint)e.Video;
                sums[key] = sums.GetValueOrDefault(key) + weight;
            }
        }

        var relevant = new HashSet<int>[userIds.Length];
        foreach (var e in test)
        {
            if (e.IsPositive && userIndex.TryGetValue(e.User, out var user) && !touched[user].Contains(e.Video))
            {
                (relevant[user] ??= []).Add(e.Video);
            }
        }

        var evaluated = Enumerable.Range(0, userIds.Length).Where(u => relevant[u] is not null).ToArray();
        var methods = new List<RankingScores>();

        var clock = Stopwatch.StartNew();
        var byPopularity = Enumerable.Range(0, videos).OrderByDescending(v => popularity[v]).ThenBy(v => v).ToArray();
        methods.Add(HoldoutRanking.Score("popularity", evaluated, u => HoldoutRanking.FirstK(byPopularity, touched[u], k), relevant, k, clock.Elapsed.TotalSeconds, ct));

        clock.Restart();
        var als = options.Als;
        var matrix = InteractionMatrix.From(userIds.Length, videos, sums.Where(s => s.Value != 0).Select(s =>
        {
            var user = (int)(s.Key >> 32);
            var video = (int)(s.Key & 0xFFFFFFFF);
            return s.Value > 0 ? (user, video, 1f, 1 + als.Alpha * s.Value) : (user, video, 0f, 1 + als.NegativeAlpha * -s.Value);
        }));
        log?.Invoke($"training implicit ALS: {als.Factors} factors, {als.Iterations} iterations on {matrix.NonZeros:N0} user–video pairs");
        var factors = ImplicitAls.Train(matrix, als, ct: ct);
        methods.Add(HoldoutRanking.Score("als", evaluated, u => HoldoutRanking.TopK(HoldoutRanking.AlsScores(factors, u), touched[u], k), relevant, k, clock.Elapsed.TotalSeconds, ct));

        var notes = new List<string>
        {
            $"the latest {options.HoldoutShare:P0} of {events.Count:N0} events held out (from {UtcDateTimeConverter.FromUnixMilliseconds(cutoffMs):u}); relevant: positive engagements after the cutoff with videos the user had not touched",
            $"{evaluated.Length:N0} users evaluated (events before the cutoff and something relevant after it); videos touched before the cutoff are not recommended",
            $"als: pairs' summed engagement weights as the training pipeline uses them (confidence 1 + {als.Alpha:0.###}·w, negatives 1 + {als.NegativeAlpha:0.###}·|w| at preference 0), {als.Factors} factors, {als.Iterations} iterations",
            "the full pipeline is not evaluated here: the train verb evaluates it (with popularity, content and ALS) on its own hold-out of the latest events",
        };
        return new HoldoutEvaluation(Name, k, train.Count, test.Count, evaluated.Length, videos, als, methods, notes);
    }
}

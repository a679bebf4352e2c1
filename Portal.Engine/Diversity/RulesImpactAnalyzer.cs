using System.Diagnostics;
using Portal.Engine.Catalog;
using Portal.Engine.Events;
using Portal.Engine.Feed;

namespace Portal.Engine.Diversity;

/// <summary>
/// Previews what a change of rules would do before it is published: the draft and the active rules each build
/// <see cref="BatchesPerUser"/> consecutive batches for the same sample of users, on copies of their state and with
/// the same request ids, so the only difference is the rules. Nothing is logged and no user changes.
/// </summary>
public sealed class RulesImpactAnalyzer(FeedService feed, ServingState serving, UserDirectory users, UserStateStore states, DiversityRulesStore rules, TimeProvider time)
{
    public const int BatchesPerUser = 3;

    private const int RepetitionWindow = 16;

    public async Task<RulesImpactComparison> CompareAsync(DiversityRules draft, int sampleSize = 200, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var snapshot = serving.Current;
        var active = rules.Active;
        var sample = users.Sample(Math.Clamp(sampleSize, 1, 5_000));
        var now = time.GetUtcNow().UtcDateTime;
        var loaded = new List<(UserProfile Profile, UserState State)>(sample.Count);
        for (var i = 0; i < sample.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            if (users.TryGet(sample[i], out var profile))
            {
                loaded.Add((profile, await states.GetAsync(profile.Id, snapshot.Catalog, ct)));
            }

            progress?.Report(50.0 * (i + 1) / sample.Count);
        }

        var draftActive = new ActiveDiversityRules(0, draft, "draft", "impact preview", now);
        var draftImpact = Measure(loaded, snapshot, draftActive, now, p => progress?.Report(50 + 25 * p), ct);
        var activeImpact = Measure(loaded, snapshot, active, now, p => progress?.Report(75 + 25 * p), ct);
        return new RulesImpactComparison(draftImpact, activeImpact, active.Version, clock.Elapsed);
    }

    private RulesImpact Measure(List<(UserProfile Profile, UserState State)> sample, ServingSnapshot snapshot, ActiveDiversityRules activeRules, DateTime now, Action<double> progress, CancellationToken ct)
    {
        var batches = 0;
        var items = 0;
        var repeats = 0;
        var clusters = 0.0;
        var score = 0.0;
        var relaxed = 0;
        var distinctVideos = new HashSet<int>();
        for (var u = 0; u < sample.Count; u++)
        {
            ct.ThrowIfCancellationRequested();
            var (profile, state) = sample[u];
            UserState copy;
            lock (state.Gate)
            {
                copy = state.Clone();
            }

            var recentCreators = new List<int>(copy.RecentServedCreators);
            var recentSounds = new List<int>(copy.RecentServedSounds);
            for (var b = 0; b < BatchesPerUser; b++)
            {
                var requestId = RequestId(profile.Id, b);
                var batch = feed.Build(profile, copy, snapshot, activeRules, new FeedRequest(profile.Id, Mode: FeedMode.Sandbox, RequestId: requestId), now.AddMinutes(b), log: false);
                batches++;
                relaxed += batch.Relaxed.Any(r => r != nameof(DiversityRules.ExplorationSlots)) ? 1 : 0;
                clusters += batch.Items.Select(i => i.Cluster).Distinct().Count();
                foreach (var item in batch.Items)
                {
                    items++;
                    score += item.Score;
                    distinctVideos.Add(item.VideoId);
                    if (recentCreators.Skip(Math.Max(0, recentCreators.Count - RepetitionWindow)).Contains(item.CreatorId)
                        || recentSounds.Skip(Math.Max(0, recentSounds.Count - RepetitionWindow)).Contains(item.SoundId))
                    {
                        repeats++;
                    }

                    recentCreators.Add(item.CreatorId);
                    recentSounds.Add(item.SoundId);
                }
            }

            progress((u + 1.0) / sample.Count);
        }

        return new RulesImpact(
            sample.Count,
            batches,
            items,
            items == 0 ? 0 : (double)repeats / items,
            batches == 0 ? 0 : clusters / batches,
            snapshot.Availability.ServableCount == 0 ? 0 : (double)distinctVideos.Count / snapshot.Availability.ServableCount,
            items == 0 ? 0 : score / items,
            batches == 0 ? 0 : (double)relaxed / batches);
    }

    private static Guid RequestId(long userId, int batch)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, userId);
        BitConverter.TryWriteBytes(bytes[8..], (long)batch + 0x5EED);
        return new Guid(bytes);
    }
}

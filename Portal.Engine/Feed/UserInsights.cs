using Microsoft.Extensions.Options;
using Portal.Engine.Catalog;
using Portal.Engine.Events;
using Portal.Engine.Storage;

namespace Portal.Engine.Feed;

/// <summary>Summarises a user's online state ("what the engine thinks of them") for the portal; reads, never changes it.</summary>
public sealed class UserInsights(ServingState serving, UserDirectory users, UserStateStore states, IOptions<FeedOptions> options, TimeProvider time)
{
    public async Task<UserInsight?> GetAsync(long userId, int top = 8, CancellationToken ct = default)
    {
        var snapshot = serving.Current;
        if (await users.FindAsync(userId, ct) is null)
        {
            return null;
        }

        var state = await states.GetAsync(userId, snapshot.Catalog, ct);
        // What other instances stored for the user counts here too (nothing happens on a single instance).
        await states.CatchUpAsync(state, snapshot.Catalog, ct);
        var catalog = snapshot.Catalog;
        var clusters = snapshot.Model.Clusters;
        var now = UtcDateTimeConverter.ToUnixMilliseconds(time.GetUtcNow().UtcDateTime);
        lock (state.Gate)
        {
            var byCluster = new Dictionary<int, float>();
            foreach (var record in state.Recent)
            {
                var video = catalog.IndexOf(record.VideoId);
                if (video >= 0)
                {
                    var cluster = snapshot.ClusterOf(video);
                    byCluster[cluster] = byCluster.GetValueOrDefault(cluster) + record.Weight;
                }
            }

            var topClusters = byCluster.Where(c => c.Value > 0).OrderByDescending(c => c.Value).Take(top)
                .Select(c => new InsightEntry(c.Key, clusters.NameOf(c.Key), c.Value)).ToList();
            var topCreators = state.CreatorAffinity.Select(c => (Id: c.Key, Weight: state.AffinityAt(state.CreatorAffinity, c.Key, now)))
                .Where(c => c.Weight > 0).OrderByDescending(c => c.Weight).Take(top)
                .Select(c => new InsightEntry(c.Id, CreatorName(catalog, c.Id), c.Weight)).ToList();
            var topSounds = state.SoundAffinity.Select(s => (Id: s.Key, Weight: state.AffinityAt(state.SoundAffinity, s.Key, now)))
                .Where(s => s.Weight > 0).OrderByDescending(s => s.Weight).Take(top)
                .Select(s => new InsightEntry(s.Id, SoundName(catalog, s.Id), s.Weight)).ToList();
            var fatigued = state.CreatorFatigueUntil.Where(f => f.Value > now).Select(f => new InsightEntry(f.Key, "creator " + CreatorName(catalog, f.Key), (f.Value - now) / 3_600_000f))
                .Concat(state.SoundFatigueUntil.Where(f => f.Value > now).Select(f => new InsightEntry(f.Key, "sound " + SoundName(catalog, f.Key), (f.Value - now) / 3_600_000f)))
                .ToList();
            return new UserInsight(
                userId,
                state.EngagementCount < options.Value.ColdStartEngagements,
                state.EngagementCount,
                state.BatchesServed,
                state.Seen.Count,
                state.Follows.Count,
                topClusters,
                topCreators,
                topSounds,
                fatigued);
        }
    }

    private static string CreatorName(CatalogSnapshot catalog, int creatorId) =>
        catalog.CreatorIndexOf(creatorId) is var c and >= 0 ? "@" + catalog.CreatorHandles[c] : $"creator {creatorId}";

    private static string SoundName(CatalogSnapshot catalog, int soundId) =>
        catalog.SoundIndexOf(soundId) is var s and >= 0 ? catalog.SoundTitles[s] : $"sound {soundId}";
}

using System.Numerics.Tensors;
using Portal.Engine.Catalog;
using Portal.Engine.Feed;

namespace Portal.Engine.Clustering;

/// <summary>
/// The read side of clusters for the portal, computed from the serving snapshot (never from the database row by row)
/// and kept until the next swap: each video cluster's size, engagement share, top hashtags and sounds and most
/// popular videos; the user clusters and their affinity; a paged list of a cluster's videos; and a 2-D map of the
/// video clusters by principal component analysis of their centroids (learned clusters) or of the mean content
/// vector of their videos (the baseline's hashtag groups).
/// </summary>
public sealed class ClusterInsights(ServingState serving)
{
    private const int TopTerms = 5;
    private const int TopSounds = 3;
    private const int Samples = 4;

    private readonly Lock _gate = new();
    private (ServingSnapshot Snapshot, ClusterOverview Overview)? _cached;

    /// <summary>The clusters of the model serving now; throws <see cref="EngineNotReadyException"/> before the engine has loaded.</summary>
    public ClusterOverview Overview()
    {
        var snapshot = serving.Current;
        lock (_gate)
        {
            if (_cached is { } cached && ReferenceEquals(cached.Snapshot.Model, snapshot.Model) && ReferenceEquals(cached.Snapshot.Engagement, snapshot.Engagement))
            {
                return cached.Overview;
            }
        }

        var overview = Build(snapshot);
        lock (_gate)
        {
            _cached = (snapshot, overview);
        }

        return overview;
    }

    /// <summary>One page of a cluster's videos, most popular first; an unknown cluster gives an empty page.</summary>
    public Page<ClusterVideo> Videos(int cluster, int pageIndex, int pageSize)
    {
        var snapshot = serving.Current;
        pageIndex = Math.Max(0, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, 200);
        if (cluster < 0 || cluster >= snapshot.ClusterTop.Length)
        {
            return new Page<ClusterVideo>([], 0, pageIndex, pageSize);
        }

        var members = snapshot.ClusterTop[cluster];
        var items = members.Skip(pageIndex * pageSize).Take(pageSize).Select(v => VideoOf(snapshot, v)).ToList();
        return new Page<ClusterVideo>(items, members.Length, pageIndex, pageSize);
    }

    private static ClusterOverview Build(ServingSnapshot snapshot)
    {
        var model = snapshot.Model;
        var catalog = snapshot.Catalog;
        var clusters = model.Clusters;
        var popularity = snapshot.Engagement.Popularity;
        var total = 0.0;
        foreach (var p in popularity)
        {
            total += p;
        }

        var summaries = new List<VideoClusterSummary>(clusters.Count);
        for (var c = 0; c < clusters.Count; c++)
        {
            var members = clusters.Members[c];
            var engagement = 0.0;
            var hashtags = new Dictionary<int, int>();
            var sounds = new Dictionary<int, int>();
            foreach (var v in members)
            {
                engagement += popularity[v];
                foreach (var h in catalog.HashtagsOf[v].Distinct())
                {
                    hashtags[h] = hashtags.GetValueOrDefault(h) + 1;
                }

                sounds[catalog.SoundOf[v]] = sounds.GetValueOrDefault(catalog.SoundOf[v]) + 1;
            }

            summaries.Add(new VideoClusterSummary(
                c,
                clusters.Names[c],
                members.Length,
                total <= 0 ? 0 : engagement / total,
                Top(hashtags, members.Length, TopTerms, h => "#" + catalog.HashtagTags[h]),
                Top(sounds, members.Length, TopSounds, s => catalog.SoundTitles[s]),
                snapshot.ClusterTop[c].Take(Samples).Select(v => VideoOf(snapshot, v)).ToList()));
        }

        var users = model.UserClusters;
        var affinity = new float[(users?.Count ?? 0) * clusters.Count];
        if (users is not null && users.VideoClusters == clusters.Count)
        {
            Array.Copy(users.Affinity, affinity, Math.Min(affinity.Length, users.Affinity.Length));
        }

        var (map, explained) = MapOf(snapshot);
        return new ClusterOverview(
            model.Version,
            model.VersionId,
            summaries,
            users is null || users.VideoClusters != clusters.Count ? [] : users.Profiles,
            users is null || users.VideoClusters != clusters.Count ? [] : affinity,
            map,
            explained);
    }

    private static IReadOnlyList<ShareOf> Top(Dictionary<int, int> counts, int size, int take, Func<int, string> name) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(take).Select(c => new ShareOf(name(c.Key), size == 0 ? 0 : (double)c.Value / size)).ToList();

    private static ClusterVideo VideoOf(ServingSnapshot snapshot, int v)
    {
        var catalog = snapshot.Catalog;
        return new ClusterVideo(
            catalog.VideoIds[v],
            catalog.Captions[v],
            catalog.CreatorHandles[catalog.CreatorOf[v]],
            catalog.SoundTitles[catalog.SoundOf[v]],
            catalog.HashtagTagsOf(v).ToList(),
            catalog.LanguageCodeOf(v),
            snapshot.Engagement.Popularity[v],
            DateTime.UnixEpoch.AddMilliseconds(catalog.CreatedAtMs[v]));
    }

    /// <summary>The clusters' points: learned centroids when the model has them, else each cluster's mean content vector.</summary>
    private static (IReadOnlyList<ClusterMapPoint> Points, double Explained) MapOf(ServingSnapshot snapshot)
    {
        var clusters = snapshot.Model.Clusters;
        var k = clusters.Count;
        if (k == 0)
        {
            return ([], 0);
        }

        float[] rows;
        int dimension;
        if (clusters.Centroids is { } centroids && clusters.CentroidDimension > 0 && centroids.Length == k * clusters.CentroidDimension)
        {
            rows = centroids;
            dimension = clusters.CentroidDimension;
        }
        else
        {
            var content = snapshot.Model.Content;
            dimension = content.Dimension;
            rows = new float[k * dimension];
            for (var c = 0; c < k; c++)
            {
                var row = rows.AsSpan(c * dimension, dimension);
                foreach (var v in clusters.Members[c])
                {
                    TensorPrimitives.Add(row, content.Of(v), row);
                }

                if (clusters.Members[c].Length > 0)
                {
                    TensorPrimitives.Divide(row, clusters.Members[c].Length, row);
                }
            }
        }

        var (x, y, explained) = PrincipalComponents.Project2D(rows, dimension);
        // Each axis is stretched to fill the map: the second component is often much flatter than the first.
        var scaleX = Math.Max(1e-9, x.Max(Math.Abs));
        var scaleY = Math.Max(1e-9, y.Max(Math.Abs));
        var points = Enumerable.Range(0, k)
            .Select(c => new ClusterMapPoint(c, clusters.Names[c], clusters.Members[c].Length, x[c] / scaleX, y[c] / scaleY))
            .ToList();
        return (points, explained);
    }
}

using Portal.Engine.Catalog;

namespace Portal.Engine.Clustering;

/// <summary>
/// The clustering the engine uses before any training: a video's topic group is its first (dominant) hashtag,
/// named after it. Videos without hashtags share one "untagged" group.
/// </summary>
public static class DominantHashtagClustering
{
    public static VideoClusters Build(CatalogSnapshot catalog)
    {
        var clusterOfHashtag = new Dictionary<int, int>();
        var names = new List<string>();
        var clusterOf = new int[catalog.Count];
        for (var v = 0; v < catalog.Count; v++)
        {
            var hashtag = catalog.DominantHashtagOf(v);
            if (!clusterOfHashtag.TryGetValue(hashtag, out var cluster))
            {
                cluster = names.Count;
                clusterOfHashtag[hashtag] = cluster;
                names.Add(hashtag < 0 ? "untagged" : "#" + catalog.HashtagTags[hashtag]);
            }

            clusterOf[v] = cluster;
        }

        return new VideoClusters(clusterOf, [.. names]);
    }
}

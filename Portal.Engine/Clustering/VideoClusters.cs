namespace Portal.Engine.Clustering;

/// <summary>
/// Which cluster ("topic group") each video belongs to, and the clusters' names. Learned clusters also carry their
/// centroids, so that a video added after training joins the nearest one.
/// </summary>
public sealed class VideoClusters
{
    public VideoClusters(int[] clusterOf, string[] names, float[]? centroids = null, int centroidDimension = 0)
    {
        ClusterOf = clusterOf;
        Names = names;
        Centroids = centroids;
        CentroidDimension = centroidDimension;
        var members = new List<int>[names.Length];
        for (var v = 0; v < clusterOf.Length; v++)
        {
            if (clusterOf[v] >= 0)
            {
                (members[clusterOf[v]] ??= []).Add(v);
            }
        }

        Members = members.Select(m => m?.ToArray() ?? []).ToArray();
    }

    /// <summary>Cluster of each video (indexed like the catalog snapshot), or -1.</summary>
    public int[] ClusterOf { get; }

    public string[] Names { get; }

    public int Count => Names.Length;

    /// <summary>The videos of each cluster.</summary>
    public int[][] Members { get; }

    /// <summary>Row-major centroids of learned clusters (null for hashtag groups).</summary>
    public float[]? Centroids { get; }

    public int CentroidDimension { get; }

    public string NameOf(int cluster) => cluster >= 0 && cluster < Names.Length ? Names[cluster] : "unclustered";

    /// <summary>The same clusters under other names (staff renames).</summary>
    public VideoClusters WithNames(string[] names) => new(ClusterOf, names, Centroids, CentroidDimension);
}

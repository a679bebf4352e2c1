using Portal.Engine.Representation;

namespace Portal.Engine.Clustering;

/// <summary>
/// Users grouped by taste: k-means over user vectors (the user's collaborative factors and the mean content vector
/// of what they engaged with positively, each normalised, side by side), each cluster described by who is in it and
/// by its affinity to every video cluster: the share of the cluster's positive engagement that goes to the video
/// cluster divided by that video cluster's share of all positive engagement (a lift; 1 means "as much as anyone").
/// </summary>
public sealed class UserClusterModel(
    int dimension,
    float[] centroids,
    Dictionary<long, int> assignment,
    UserClusterProfile[] profiles,
    float[] affinity,
    int videoClusters)
{
    public int Dimension { get; } = dimension;

    public int Count => Profiles.Length;

    public float[] Centroids { get; } = centroids;

    public Dictionary<long, int> Assignment { get; } = assignment;

    public UserClusterProfile[] Profiles { get; } = profiles;

    /// <summary>Row-major lift of each user cluster (row) for each video cluster (column).</summary>
    public float[] Affinity { get; } = affinity;

    public int VideoClusters { get; } = videoClusters;

    public float AffinityOf(int userCluster, int videoCluster) => Affinity[userCluster * VideoClusters + videoCluster];

    /// <summary>The video clusters a user cluster engages with most, best first.</summary>
    public IEnumerable<int> TopVideoClusters(int userCluster) =>
        Enumerable.Range(0, VideoClusters).OrderByDescending(c => AffinityOf(userCluster, c)).ThenBy(c => c);

    /// <summary>The cluster of a user: as trained, or the nearest centroid to a vector built online.</summary>
    public int ClusterOf(long userId, Func<float[]?> onlineVector)
    {
        if (Assignment.TryGetValue(userId, out var cluster))
        {
            return cluster;
        }

        var vector = onlineVector();
        return vector is null ? -1 : KMeansClustering.Nearest(vector, Centroids, Dimension);
    }

    /// <summary>A user vector as clustering sees it: normalised factors and normalised interest, side by side.</summary>
    public static float[] UserVector(ReadOnlySpan<float> factors, ReadOnlySpan<float> interest)
    {
        var vector = new float[factors.Length + interest.Length];
        Normalize(factors, vector.AsSpan(0, factors.Length));
        Normalize(interest, vector.AsSpan(factors.Length));
        return vector;
    }

    private static void Normalize(ReadOnlySpan<float> source, Span<float> target)
    {
        source.CopyTo(target);
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(target);
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(target, norm, target);
        }
    }
}

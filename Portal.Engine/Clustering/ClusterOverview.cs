namespace Portal.Engine.Clustering;

/// <summary>
/// What the serving model knows about clusters: its video clusters, its user clusters (none before training) with
/// their affinity to every video cluster (row-major lift, user cluster × video cluster), and a 2-D map of the video
/// clusters. <see cref="ExplainedVariance"/> is the share of the clusters' spread the map's two axes show.
/// </summary>
public sealed record ClusterOverview(
    string ModelVersion,
    int? ModelVersionId,
    IReadOnlyList<VideoClusterSummary> VideoClusters,
    IReadOnlyList<UserClusterProfile> UserClusters,
    float[] Affinity,
    IReadOnlyList<ClusterMapPoint> Map,
    double ExplainedVariance)
{
    public bool IsBaseline => ModelVersionId is null;

    public bool HasUserClusters => UserClusters.Count > 0;

    public double AffinityOf(int userCluster, int videoCluster) => Affinity[userCluster * VideoClusters.Count + videoCluster];
}

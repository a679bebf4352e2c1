namespace Portal.Engine.Clustering;

/// <summary>
/// One video cluster of the serving model: its name, how many videos it holds, its share of all current engagement
/// (time-decayed popularity), its most common hashtags and sounds (share of its videos that have them) and its most
/// popular videos.
/// </summary>
public sealed record VideoClusterSummary(
    int Cluster,
    string Name,
    int Size,
    double EngagementShare,
    IReadOnlyList<ShareOf> TopHashtags,
    IReadOnlyList<ShareOf> TopSounds,
    IReadOnlyList<ClusterVideo> Samples);

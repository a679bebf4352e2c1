namespace Portal.Engine.Clustering;

/// <summary>One video of a cluster as staff see it in a list: what it is, who made it, and how popular it is now.</summary>
public sealed record ClusterVideo(
    int VideoId,
    string Caption,
    string CreatorHandle,
    string SoundTitle,
    IReadOnlyList<string> Hashtags,
    string? Language,
    double Popularity,
    DateTime CreatedAt);

namespace Portal.Engine.Clustering;

/// <summary>Who is in a user cluster: its size and its most common countries, languages and devices with their shares.</summary>
public sealed record UserClusterProfile(
    int Cluster,
    string Name,
    int Size,
    IReadOnlyList<ShareOf> Countries,
    IReadOnlyList<ShareOf> Languages,
    IReadOnlyList<ShareOf> Devices);

/// <summary>A value and the share (0..1) of a group that has it.</summary>
public sealed record ShareOf(string Value, double Share);

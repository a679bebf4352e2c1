namespace Portal.Engine.Clustering;

/// <summary>A video cluster placed on a 2-D map: its first two principal components, each axis scaled into -1..1.</summary>
public sealed record ClusterMapPoint(int Cluster, string Name, int Size, double X, double Y);

namespace Portal.Engine.Clustering;

/// <summary>A name staff gave a video cluster of one model version; the next version inherits it by membership overlap.</summary>
public sealed class ClusterLabel
{
    public int Id { get; set; }

    public int ModelVersionId { get; set; }

    public int Cluster { get; set; }

    public string Name { get; set; } = "";

    public string RenamedBy { get; set; } = "";

    public DateTime RenamedAt { get; set; }
}

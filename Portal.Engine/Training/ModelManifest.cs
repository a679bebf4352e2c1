namespace Portal.Engine.Training;

/// <summary>What a model version's folder holds and how it was made: written as manifest.json beside the artifacts.</summary>
public sealed record ModelManifest
{
    public string Version { get; init; } = "";

    public DateTime CreatedAt { get; init; }

    public DateTime? DataFrom { get; init; }

    public DateTime? DataTo { get; init; }

    public long Events { get; init; }

    public int Videos { get; init; }

    public int Users { get; init; }

    public int ContentDimension { get; init; }

    public int Factors { get; init; }

    public int VideoClusters { get; init; }

    public int UserClusters { get; init; }

    public bool HasRanker { get; init; }

    /// <summary>File name → SHA-256 (hex) of every artifact, checked when the version is loaded.</summary>
    public Dictionary<string, string> Files { get; init; } = [];

    public List<TrainingStep> Steps { get; init; } = [];

    public Dictionary<string, double> Metrics { get; init; } = [];

    public Dictionary<string, double> FeatureImportance { get; init; } = [];

    public List<string> Notes { get; init; } = [];
}

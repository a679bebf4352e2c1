using Microsoft.ML.Data;

namespace Portal.Engine.Representation;

/// <summary>The sparse TF-IDF column between featurisation and projection (named here so the pipeline uses nameof).</summary>
public sealed class ContentTfIdf
{
    [VectorType]
    public float[] TfIdf { get; set; } = [];
}

using Microsoft.ML.Data;

namespace Portal.Engine.Representation;

/// <summary>The dense content vector ML.NET produces for a video.</summary>
public sealed class ContentVector
{
    [VectorType]
    public float[] Vector { get; set; } = [];
}

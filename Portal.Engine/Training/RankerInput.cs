using Microsoft.ML.Data;
using Portal.Engine.Ranking;

namespace Portal.Engine.Training;

/// <summary>The ranker's training row for ML.NET.</summary>
public sealed class RankerInput
{
    [VectorType(14)]
    public float[] Features { get; set; } = new float[RankingFeatures.Count];

    public bool Label { get; set; }
}

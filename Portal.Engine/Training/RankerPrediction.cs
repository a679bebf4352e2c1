namespace Portal.Engine.Training;

/// <summary>What ML.NET's LightGBM binary classifier predicts for a row.</summary>
public sealed class RankerPrediction
{
    public bool PredictedLabel { get; set; }

    public float Score { get; set; }

    public float Probability { get; set; }
}

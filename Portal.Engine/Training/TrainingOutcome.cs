namespace Portal.Engine.Training;

public enum TrainingOutcome
{
    Running = 0,
    Succeeded = 1,

    /// <summary>Trained, but not promoted (the active version stays).</summary>
    NotPromoted = 2,
    Failed = 3,
    Cancelled = 4,
}

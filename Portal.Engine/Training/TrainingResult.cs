using Portal.Engine.Evaluation;

namespace Portal.Engine.Training;

/// <summary>What a training run did: the version it made, whether it serves now and why, each step's time, the metrics.</summary>
public sealed record TrainingResult(
    long RunId,
    int VersionId,
    string Version,
    TrainingOutcome Outcome,
    bool Promoted,
    string Decision,
    IReadOnlyList<TrainingStep> Steps,
    IReadOnlyDictionary<string, double> Metrics,
    OfflineEvaluation? Evaluation,
    TimeSpan Elapsed);

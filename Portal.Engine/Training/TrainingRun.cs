namespace Portal.Engine.Training;

/// <summary>One run of a background job (a full retrain or a popularity refresh), for the history staff see.</summary>
public sealed class TrainingRun
{
    public long Id { get; set; }

    /// <summary><c>retrain</c> or <c>popularity-refresh</c>.</summary>
    public string Job { get; set; } = "";

    public string Trigger { get; set; } = "";

    public string? RequestedBy { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>Updated at every step of a run; a run whose heartbeat stopped long ago was interrupted (the process died).</summary>
    public DateTime? HeartbeatAt { get; set; }

    public TrainingOutcome Outcome { get; set; }

    public int? ModelVersionId { get; set; }

    public string? Message { get; set; }

    public string StepsJson { get; set; } = "[]";
}

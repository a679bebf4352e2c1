namespace Portal.Engine.Training;

/// <summary>A recurring job's schedule as staff set it, kept in the database so that it survives restarts.</summary>
public sealed class TrainingSchedule
{
    /// <summary>The job: <c>retrain</c> or <c>popularity-refresh</c>.</summary>
    public string JobId { get; set; } = "";

    /// <summary>A cron expression (five fields, UTC).</summary>
    public string Cron { get; set; } = "";

    public bool Enabled { get; set; } = true;

    public string UpdatedBy { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}

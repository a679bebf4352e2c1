namespace Portal.Jobs;

/// <summary>A recurring job's schedule as the Training page shows it: the stored cron, whether it runs, and when it runs next (UTC).</summary>
public sealed record ScheduleView(string JobId, string Name, string Cron, bool Enabled, DateTime? NextRun, bool Registered, string UpdatedBy, DateTime UpdatedAt);

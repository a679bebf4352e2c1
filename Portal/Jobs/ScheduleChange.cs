namespace Portal.Jobs;

/// <summary>What saving a schedule did: the schedule as it now runs, or why it was refused, in plain words.</summary>
public sealed record ScheduleChange(ScheduleView? Schedule, string? Error)
{
    public bool Succeeded => Error is null;
}

namespace Portal.Engine.Events;

/// <summary>
/// How many events of one kind happened on one UTC day. Kept up to date by ingestion so that
/// dashboards read a few hundred rows instead of scanning millions of events.
/// </summary>
public sealed class EventDailyCount
{
    public DateOnly Day { get; set; }

    public EngagementKind Kind { get; set; }

    public long Count { get; set; }
}

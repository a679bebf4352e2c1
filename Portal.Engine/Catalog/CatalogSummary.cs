using Portal.Engine.Events;

namespace Portal.Engine.Catalog;

/// <summary>What the engine database holds, as staff see it on the overview.</summary>
/// <param name="AsOf">The UTC instant the counts were taken at; <see cref="EventsLast24Hours"/> ends there.</param>
/// <param name="FirstDay">The first UTC day of <see cref="DailyCounts"/>.</param>
/// <param name="LastDay">The last UTC day of <see cref="DailyCounts"/> (the day of <see cref="AsOf"/>).</param>
/// <param name="DailyCounts">Events per UTC day and kind between <see cref="FirstDay"/> and <see cref="LastDay"/>; days and kinds with no events are absent.</param>
public sealed record CatalogSummary(
    DateTime AsOf,
    long Videos,
    long Creators,
    long Sounds,
    long Users,
    long Events,
    long EventsLast24Hours,
    DateOnly FirstDay,
    DateOnly LastDay,
    IReadOnlyList<EventDailyCount> DailyCounts)
{
    /// <summary>True when the database holds no catalog and no users: nothing has been seeded or imported yet.</summary>
    public bool IsEmpty => Videos == 0 && Users == 0;
}

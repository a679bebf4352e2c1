using Portal.Engine.Catalog;

namespace Portal.Engine.Events;

/// <summary>One thing a user did with a video. Events are the source of truth user state is rebuilt from.</summary>
public sealed class EngagementEvent
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public int VideoId { get; set; }

    public EngagementKind Kind { get; set; }

    /// <summary>Share of the video watched, 0..1; set for <see cref="EngagementKind.Watch"/> and optional elsewhere.</summary>
    public float? WatchFraction { get; set; }

    public DateTime At { get; set; }

    public DeviceType? Device { get; set; }
}

using Portal.Engine.Events;

namespace Portal.Engine.Catalog;

/// <summary>One engagement in a user's timeline, with enough about the video to read it.</summary>
public sealed record TimelineEntry(long EventId, DateTime At, EngagementKind Kind, float? WatchFraction, int VideoId, string Caption, string? Hashtag, string CreatorHandle);

namespace Portal.Engine.Events;

/// <summary>One of a user's stored events, read to catch up with what other instances stored.</summary>
public sealed record CatchUpEvent(long Id, int VideoId, EngagementKind Kind, float? WatchFraction, long AtMs);

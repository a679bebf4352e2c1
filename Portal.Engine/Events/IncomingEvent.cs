namespace Portal.Engine.Events;

/// <summary>An event as an app sent it, before validation: every field may be missing or wrong.</summary>
/// <param name="Kind">impression, watch, like, share, comment, follow, skip, notInterested or report.</param>
/// <param name="WatchFraction">0..1.</param>
/// <param name="At">When it happened (UTC); now when missing.</param>
/// <param name="Device">ios, android, web or tablet; the user's device when missing.</param>
public sealed record IncomingEvent(long? UserId, int? VideoId, string? Kind, double? WatchFraction = null, DateTime? At = null, string? Device = null);

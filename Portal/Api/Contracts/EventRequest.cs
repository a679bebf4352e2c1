namespace Portal.Api.Contracts;

/// <summary>One engagement event.</summary>
/// <param name="Kind">impression, watch, like, share, comment, follow, skip, notInterested or report.</param>
/// <param name="WatchFraction">How much of the video was watched, 0..1 (for watch events).</param>
/// <param name="At">When it happened, ISO 8601 (UTC when no offset is given); now when left out. Not in the future.</param>
/// <param name="Device">ios, android, web or tablet; the user's device when left out.</param>
public sealed record EventRequest(long? UserId, int? VideoId, string? Kind, double? WatchFraction = null, DateTime? At = null, string? Device = null);

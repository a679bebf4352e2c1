namespace Portal.Api.Contracts;

/// <summary>Reports a video for moderators to review.</summary>
/// <param name="VideoId">The reported video's id.</param>
/// <param name="Reason">spam, nudity, violence, hate, harassment, misinformation, self-harm, copyright or other.</param>
/// <param name="Text">What the user wrote, up to 1,000 characters; optional.</param>
/// <param name="UserId">The app user who reported it; optional.</param>
public sealed record CreateReportRequest(long? VideoId, string? Reason, string? Text, long? UserId);

namespace Portal.Engine.Feed;

/// <summary>A request for the next batch of a user's feed.</summary>
/// <param name="RequestId">Given when replaying a logged request; otherwise a new one is made.</param>
/// <param name="RequestedBy">The staff member asking, for previews.</param>
public sealed record FeedRequest(long UserId, RequestContext? Context = null, FeedMode Mode = FeedMode.Serve, Guid? RequestId = null, string? RequestedBy = null);

namespace Portal.Engine.Feed;

/// <summary>One reason a video is in a batch: the source that proposed it, a stable code, and a sentence for people.</summary>
public sealed record FeedReason(string Source, string Code, string Text);

namespace Portal.Api.Contracts;

/// <summary>One reason a video is in a batch.</summary>
/// <param name="Source">The candidate source: popular, trending, similarContent, creators, coEngagement, exploration, ...</param>
/// <param name="Code">A stable code for the reason.</param>
/// <param name="Text">The reason in plain words.</param>
public sealed record FeedReasonResponse(string Source, string Code, string Text);

namespace Portal.Api.Contracts;

/// <summary>One video of a batch.</summary>
/// <param name="Cluster">The name of the video's topic group, e.g. "basketball".</param>
/// <param name="Reasons">Why the video is in the batch, in plain words.</param>
public sealed record FeedItemResponse(
    int VideoId,
    int CreatorId,
    int SoundId,
    string Caption,
    IReadOnlyList<string> Hashtags,
    string Cluster,
    IReadOnlyList<string> Reasons);

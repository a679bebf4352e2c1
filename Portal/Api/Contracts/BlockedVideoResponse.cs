namespace Portal.Api.Contracts;

/// <summary>A higher-ranked video that a diversity rule kept out of the batch.</summary>
public sealed record BlockedVideoResponse(int VideoId, int RankBefore, string Rule, string Explanation);

namespace Portal.Engine.Feed;

/// <summary>A higher-ranked video a diversity rule kept out of the batch.</summary>
public sealed record BlockedVideo(int VideoId, int RankBefore, string Rule, string Explanation);

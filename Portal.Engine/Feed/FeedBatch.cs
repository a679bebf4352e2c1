namespace Portal.Engine.Feed;

/// <summary>
/// The videos one feed request returns (8, fewer only when fewer are eligible, and then <see cref="Shortfall"/>
/// says why), with what the served log records about how they were chosen.
/// </summary>
public sealed record FeedBatch(
    Guid RequestId,
    long UserId,
    int BatchNumber,
    DateTime At,
    FeedMode Mode,
    bool ColdStart,
    bool Personalized,
    string Device,
    string Country,
    string Language,
    IReadOnlyList<FeedItem> Items,
    string? Shortfall,
    IReadOnlyList<string> Relaxed,
    IReadOnlyList<BlockedVideo> Blocked,
    int RulesVersion,
    string ModelVersion,
    string Ranker,
    int CandidateCount,
    long EventWatermark,
    long UserEventWatermark,
    string? RequestedBy);

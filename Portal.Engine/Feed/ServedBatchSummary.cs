namespace Portal.Engine.Feed;

/// <summary>A row of the served-log lookup.</summary>
public sealed record ServedBatchSummary(Guid RequestId, long UserId, int BatchNumber, DateTime At, FeedMode Mode, bool ColdStart, int RulesVersion, string ModelVersion, IReadOnlyList<int> VideoIds, string? RequestedBy);

namespace Portal.Engine.Feed;

/// <summary>
/// A logged request rebuilt: the batch as logged, the batch the engine builds now from the same model version, rules
/// version, user state and engagement statistics as they were, and whether the two agree item for item. When the
/// request cannot be rebuilt (its model version was pruned, say) <see cref="Problem"/> says why.
/// </summary>
public sealed record ReplayResult(ServedBatchDetail Logged, FeedBatch? Replayed, bool Reproduced, IReadOnlyList<ReplayDifference> Differences, string? Problem, TimeSpan Elapsed);

/// <summary>A position where the logged and the replayed batch differ.</summary>
public sealed record ReplayDifference(int Position, int? LoggedVideoId, int? ReplayedVideoId);

namespace Portal.Engine.Events;

/// <summary>One of a user's served batches, read from the served log to catch up with what other instances served.</summary>
public sealed record CatchUpBatch(long Id, Guid RequestId, IReadOnlyList<int> VideoIds, long AtMs);

namespace Portal.Engine.Events;

/// <summary>
/// The outcome of ingesting a batch of events: how many were stored, or why none were. <see cref="NotFound"/> is set
/// when the only problems are users or videos that do not exist.
/// </summary>
public sealed record IngestResult(int Accepted, IReadOnlyDictionary<string, string[]> Errors, bool NotFound)
{
    /// <summary>True when the idempotency key was seen before with the same batch: nothing new was stored, <see cref="Accepted"/> is what the first request stored.</summary>
    public bool Replayed { get; init; }

    /// <summary>True when the idempotency key was used before for a different batch: nothing was stored.</summary>
    public bool KeyConflict { get; init; }

    public bool Succeeded => Errors.Count == 0;
}

namespace Portal.Engine.Events;

/// <summary>
/// The outcome of ingesting a batch of events: how many were stored, or why none were. <see cref="NotFound"/> is set
/// when the only problems are users or videos that do not exist.
/// </summary>
public sealed record IngestResult(int Accepted, IReadOnlyDictionary<string, string[]> Errors, bool NotFound)
{
    public bool Succeeded => Errors.Count == 0;
}

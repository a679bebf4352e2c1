namespace Portal.Engine.Events;

/// <summary>
/// An idempotency key a client sent with a batch of events, and what that batch stored: a retry with the same key
/// (after a timeout, say) gets the same answer instead of storing the events twice.
/// </summary>
public sealed class IngestKey
{
    public string Key { get; set; } = "";

    /// <summary>SHA-256 of the batch's content, to tell a retry from a different batch reusing the key.</summary>
    public string ContentHash { get; set; } = "";

    public long FirstEventId { get; set; }

    public int Count { get; set; }

    public DateTime At { get; set; }
}

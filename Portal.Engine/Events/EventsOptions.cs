using System.ComponentModel.DataAnnotations;

namespace Portal.Engine.Events;

/// <summary>Limits on incoming events. Section <c>Engine:Events</c>.</summary>
public sealed class EventsOptions
{
    public const string SectionName = "Engine:Events";

    /// <summary>Most events in one request.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 1_000;

    /// <summary>How far in the future an event's time may be (clock skew between app and server), in seconds.</summary>
    [Range(0, 86_400)]
    public int AllowedClockSkewSeconds { get; set; } = 300;

    /// <summary>How long an idempotency key is remembered, in hours: a retry within this time stores nothing twice.</summary>
    [Range(1, 24 * 30)]
    public int IdempotencyKeyHours { get; set; } = 24;

    /// <summary>How far in the past an event's time may be, in days.</summary>
    [Range(1, 36_500)]
    public int MaxAgeDays { get; set; } = 365;
}

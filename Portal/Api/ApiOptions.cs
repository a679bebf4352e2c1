using System.ComponentModel.DataAnnotations;

namespace Portal.Api;

/// <summary>Limits of the HTTP API. Section <c>Portal:Api</c>; the API keys' own settings are in <c>Portal:Api:Keys</c>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Portal:Api";

    /// <summary>
    /// Requests per second each API key may make on average (a token bucket per key, refilled continuously).
    /// Beyond it requests get 429 with a Retry-After header.
    /// </summary>
    [Range(1, 1_000_000)]
    public int RequestsPerSecond { get; set; } = 5_000;

    /// <summary>The most requests a key may make at once after a quiet spell: the size of its token bucket.</summary>
    [Range(1, 10_000_000)]
    public int Burst { get; set; } = 10_000;

    /// <summary>Largest request body <c>POST /api/v1/users</c> accepts, in bytes; larger bodies get 413.</summary>
    [Range(256, 1_048_576)]
    public int UsersMaxBodyBytes { get; set; } = 16 * 1024;

    /// <summary>Largest request body <c>POST /api/v1/reports</c> accepts, in bytes; larger bodies get 413.</summary>
    [Range(256, 1_048_576)]
    public int ReportsMaxBodyBytes { get; set; } = 16 * 1024;

    /// <summary>Largest request body <c>POST /api/v1/events</c> accepts, in bytes; larger bodies get 413.</summary>
    [Range(1_024, 16 * 1_048_576)]
    public int EventsMaxBodyBytes { get; set; } = 512 * 1024;

    /// <summary>How deeply a request's JSON may nest; deeper bodies get 400.</summary>
    [Range(4, 256)]
    public int MaxJsonDepth { get; set; } = 32;

    /// <summary>The Retry-After, in seconds, of the 503 answered while the engine is still loading.</summary>
    [Range(1, 3_600)]
    public int NotReadyRetryAfterSeconds { get; set; } = 5;
}

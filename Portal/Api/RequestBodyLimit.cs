using Microsoft.AspNetCore.Http.Metadata;

namespace Portal.Api;

/// <summary>
/// Endpoint metadata: the largest request body a route accepts. The server enforces it while the body is read
/// (endpoint routing applies <see cref="IRequestSizeLimitMetadata"/>); the API also refuses a declared
/// Content-Length over it before reading anything.
/// </summary>
public sealed record RequestBodyLimit(long MaxBytes) : IRequestSizeLimitMetadata
{
    long? IRequestSizeLimitMetadata.MaxRequestBodySize => MaxBytes;

    /// <summary>"16 KB", "512 KB", "2 MB".</summary>
    public static string Describe(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB"
        : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB"
        : $"{bytes} bytes";
}

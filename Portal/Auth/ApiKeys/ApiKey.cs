namespace Portal.Auth.ApiKeys;

/// <summary>
/// A key that an app or service sends in the <c>X-Api-Key</c> header to use the HTTP API. Only the key's SHA-256
/// hash is stored; the key itself is shown once, when it is created, and never again.
/// </summary>
public sealed class ApiKey
{
    public const int NameMaxLength = 100;

    /// <summary>How many leading characters of a key are kept to tell keys apart in lists (<c>pk_</c> and 7 more).</summary>
    public const int PrefixLength = 10;

    public const int ReasonMaxLength = 500;

    public const int ActorMaxLength = 256;

    public int Id { get; set; }

    /// <summary>What the key is for, e.g. "ios-app" or "ci".</summary>
    public string Name { get; set; } = "";

    /// <summary>The key's first <see cref="PrefixLength"/> characters, safe to show.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>SHA-256 of the key, lower-case hexadecimal.</summary>
    public string Hash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>The staff member (email) or tool that created the key.</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>When the key last authenticated a request, to within a minute; null when never used.</summary>
    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public string? RevocationReason { get; set; }
}

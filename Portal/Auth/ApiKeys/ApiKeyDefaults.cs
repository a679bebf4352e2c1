namespace Portal.Auth.ApiKeys;

/// <summary>The names the API key scheme goes by: its authentication scheme, its header, its policy and its claims.</summary>
public static class ApiKeyDefaults
{
    /// <summary>The authentication scheme (and the OpenAPI security scheme) name.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>The request header that carries the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>The authorization policy every API route requires: a valid, unrevoked key.</summary>
    public const string Policy = "ApiClient";

    /// <summary>Claim with the key's id.</summary>
    public const string KeyIdClaim = "portal:api_key_id";

    /// <summary>Claim with the key's SHA-256 hash; requests are rate-limited per hash.</summary>
    public const string KeyHashClaim = "portal:api_key_hash";
}

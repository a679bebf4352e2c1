namespace Portal.Auth.ApiKeys;

/// <summary>An active key as the request path sees it: who is calling, without the key itself.</summary>
/// <param name="KeyId">The key's id.</param>
/// <param name="Name">The key's name.</param>
/// <param name="Prefix">The key's display prefix.</param>
/// <param name="Hash">The key's SHA-256 hash (hexadecimal); requests are rate-limited per hash.</param>
public sealed record ApiClient(int KeyId, string Name, string Prefix, string Hash);

namespace Portal.Auth.ApiKeys;

/// <summary>The outcome of revoking an API key: the revoked key, or what is wrong by field (<c>reason</c>, <c>id</c>).</summary>
public sealed record ApiKeyRevocation(ApiKeySummary? Key, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Key is not null && Errors.Count == 0;
}

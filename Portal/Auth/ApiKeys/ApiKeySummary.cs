namespace Portal.Auth.ApiKeys;

/// <summary>An API key as the API keys page and the <c>apikey list</c> command show it: never the key itself.</summary>
public sealed record ApiKeySummary(
    int Id,
    string Name,
    string Prefix,
    DateTime CreatedAt,
    string CreatedBy,
    DateTime? LastUsedAt,
    DateTime? RevokedAt,
    string? RevokedBy,
    string? RevocationReason)
{
    public bool IsRevoked => RevokedAt is not null;

    /// <summary>"Active" or "Revoked".</summary>
    public string Status => IsRevoked ? "Revoked" : "Active";

    internal static ApiKeySummary From(ApiKey key) =>
        new(key.Id, key.Name, key.Prefix, key.CreatedAt, key.CreatedBy, key.LastUsedAt, key.RevokedAt, key.RevokedBy, key.RevocationReason);
}

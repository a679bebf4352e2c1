namespace Portal.Auth.ApiKeys;

/// <summary>
/// The outcome of creating an API key: the key and its secret, or what is wrong by field
/// (<c>name</c>, <c>createdBy</c>). <see cref="Secret"/> is the only time the key itself is ever available.
/// </summary>
public sealed record ApiKeyCreation(ApiKeySummary? Key, string? Secret, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Key is not null && Secret is not null;
}

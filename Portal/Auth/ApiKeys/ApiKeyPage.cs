namespace Portal.Auth.ApiKeys;

/// <summary>One page of API keys, newest first, and how many there are in all.</summary>
public sealed record ApiKeyPage(IReadOnlyList<ApiKeySummary> Items, int Total);

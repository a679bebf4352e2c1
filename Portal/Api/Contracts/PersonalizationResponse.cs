namespace Portal.Api.Contracts;

/// <summary>A user's personalisation setting, as it is now.</summary>
public sealed record PersonalizationResponse(long Id, bool Personalized);

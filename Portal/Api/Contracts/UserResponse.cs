namespace Portal.Api.Contracts;

/// <summary>An app user's profile.</summary>
/// <param name="Device">ios, android, web or tablet.</param>
/// <param name="Personalized">False when the user opted out of personalised feeds.</param>
public sealed record UserResponse(long Id, string Language, string Country, string Device, bool Personalized, DateTime CreatedAt);

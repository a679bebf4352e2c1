namespace Portal.Api.Contracts;

/// <summary>Registers an app user.</summary>
/// <param name="Id">Your own id for the user, a positive whole number; leave it out to have one assigned.</param>
/// <param name="Language">The user's language, a two-letter ISO 639-1 code such as "en".</param>
/// <param name="Country">The user's country setting, a two-letter ISO 3166-1 code such as "US".</param>
/// <param name="Device">ios, android, web or tablet.</param>
public sealed record CreateUserRequest(long? Id, string? Language, string? Country, string? Device);

namespace Portal.Engine.Catalog;

/// <summary>Filters for finding app users; every field is optional.</summary>
/// <param name="Id">An exact user id.</param>
/// <param name="Country">Two-letter country code.</param>
/// <param name="Language">Two-letter language code.</param>
/// <param name="Device">ios, android, web or tablet.</param>
public sealed record UserSearch(long? Id = null, string? Country = null, string? Language = null, string? Device = null, bool? Personalized = null);

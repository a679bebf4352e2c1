namespace Portal.Engine.Catalog;

/// <summary>A request to register an app user; every field is checked by <see cref="UserDirectory.CreateAsync"/>.</summary>
/// <param name="Id">The caller's own id, or null to have one assigned.</param>
/// <param name="Device">ios, android, web or tablet.</param>
public sealed record NewUser(long? Id, string? Language, string? Country, string? Device);

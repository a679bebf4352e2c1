namespace Portal.Engine.Catalog;

/// <summary>A row of the user list.</summary>
public sealed record UserSummary(long Id, string Language, string Country, DeviceType Device, bool Personalized, DateTime CreatedAt);

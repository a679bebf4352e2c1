namespace Portal.Engine.Catalog;

/// <summary>The facts about an app user the feed needs, kept in memory by <see cref="UserDirectory"/>.</summary>
public sealed record UserProfile(long Id, string Language, string Country, DeviceType Device, bool Personalized, DateTime CreatedAt);

namespace Portal.Engine.Catalog;

/// <summary>A creator with how many videos they posted.</summary>
public sealed record CreatorDetails(int Id, string Handle, string DisplayName, string Country, DateTime CreatedAt, CreatorStatus Status, int Videos);

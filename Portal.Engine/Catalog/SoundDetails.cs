namespace Portal.Engine.Catalog;

/// <summary>A sound with how many videos use it.</summary>
public sealed record SoundDetails(int Id, string Title, string Artist, bool IsOriginal, DateTime CreatedAt, SoundStatus Status, int Videos);

namespace Portal.Engine.Catalog;

/// <summary>Moderation state of a sound; a blocked sound keeps every video using it out of feeds.</summary>
public enum SoundStatus
{
    Active = 0,
    Blocked = 1,
}

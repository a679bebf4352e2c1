namespace Portal.Engine.Catalog;

/// <summary>Moderation state of a creator; anything but <see cref="Active"/> keeps all of their videos out of feeds.</summary>
public enum CreatorStatus
{
    Active = 0,
    Restricted = 1,
    Banned = 2,
}

namespace Portal.Engine.Catalog;

/// <summary>The kind of device a user watches on. Stored as its integer value.</summary>
public enum DeviceType
{
    Ios = 0,
    Android = 1,
    Web = 2,
    Tablet = 3,
}

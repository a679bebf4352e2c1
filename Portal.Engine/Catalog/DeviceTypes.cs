namespace Portal.Engine.Catalog;

/// <summary>The names device types go by in the API and the portal: ios, android, web, tablet.</summary>
public static class DeviceTypes
{
    public static IReadOnlyList<string> Names { get; } = ["ios", "android", "web", "tablet"];

    public static bool TryParse(string? value, out DeviceType device)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "ios":
                device = DeviceType.Ios;
                return true;
            case "android":
                device = DeviceType.Android;
                return true;
            case "web":
                device = DeviceType.Web;
                return true;
            case "tablet":
                device = DeviceType.Tablet;
                return true;
            default:
                device = DeviceType.Ios;
                return false;
        }
    }

    public static string NameOf(DeviceType device) => device switch
    {
        DeviceType.Ios => "ios",
        DeviceType.Android => "android",
        DeviceType.Web => "web",
        DeviceType.Tablet => "tablet",
        _ => device.ToString().ToLowerInvariant(),
    };
}

namespace Portal.Components.Pages.Clusters;

/// <summary>One colour per video cluster, the same on the map, the cards and the heat map; readable on light and dark backgrounds.</summary>
public static class ClusterPalette
{
    private static readonly string[] Colours =
    [
        "#0f9488", "#e4572e", "#6366f1", "#d97706", "#0284c7", "#be185d", "#65a30d", "#7c3aed",
        "#0891b2", "#dc2626", "#4f46e5", "#ca8a04", "#059669", "#c026d3", "#ea580c", "#2563eb",
    ];

    public static string Of(int cluster) => Colours[((cluster % Colours.Length) + Colours.Length) % Colours.Length];
}

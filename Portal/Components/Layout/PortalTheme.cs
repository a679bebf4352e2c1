using MudBlazor;

namespace Portal.Components.Layout;

/// <summary>The portal's look: a calm teal with a coral accent, neutral greys, rounded corners, no loud shadows.</summary>
public static class PortalTheme
{
    private static readonly string[] FontStack = ["Inter", "Segoe UI", "system-ui", "-apple-system", "Roboto", "Helvetica Neue", "Liberation Sans", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0f766e",
            PrimaryContrastText = "#ffffff",
            Secondary = "#e4572e",
            Tertiary = "#6366f1",
            Info = "#0284c7",
            Success = "#15803d",
            Warning = "#b45309",
            Error = "#c2410c",
            Dark = "#1f2937",
            Background = "#f5f7f8",
            BackgroundGray = "#eef2f3",
            Surface = "#ffffff",
            AppbarBackground = "#ffffff",
            AppbarText = "#1f2937",
            DrawerBackground = "#ffffff",
            DrawerText = "#374151",
            DrawerIcon = "#4b5563",
            TextPrimary = "#1f2937",
            TextSecondary = "#5b6472",
            ActionDefault = "#4b5563",
            LinesDefault = "#e3e7ea",
            TableLines = "#e8ecee",
            Divider = "#e3e7ea",
            DividerLight = "#eef1f3",
            Skeleton = "#e9eef0",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#2dd4bf",
            PrimaryContrastText = "#06201d",
            Secondary = "#ff8a65",
            Tertiary = "#a5b4fc",
            Info = "#38bdf8",
            Success = "#4ade80",
            Warning = "#fbbf24",
            Error = "#fb923c",
            Dark = "#0b0f14",
            Background = "#0f1419",
            BackgroundGray = "#141a21",
            Surface = "#171d24",
            AppbarBackground = "#171d24",
            AppbarText = "#e5e7eb",
            DrawerBackground = "#141a20",
            DrawerText = "#d1d5db",
            DrawerIcon = "#9ca3af",
            TextPrimary = "#e5e7eb",
            TextSecondary = "#9aa4b2",
            ActionDefault = "#b6bdc8",
            LinesDefault = "#2a323c",
            TableLines = "#26303a",
            Divider = "#2a323c",
            DividerLight = "#222a33",
            Skeleton = "#222a33",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack, FontSize = ".9rem", LineHeight = "1.5" },
            H4 = new H4Typography { FontFamily = FontStack, FontSize = "1.75rem", FontWeight = "600", LineHeight = "1.25", LetterSpacing = "-.01em" },
            H5 = new H5Typography { FontFamily = FontStack, FontSize = "1.3rem", FontWeight = "600", LineHeight = "1.3" },
            H6 = new H6Typography { FontFamily = FontStack, FontSize = "1.05rem", FontWeight = "600", LineHeight = "1.4" },
            Subtitle1 = new Subtitle1Typography { FontFamily = FontStack, FontSize = ".95rem", FontWeight = "500" },
            Subtitle2 = new Subtitle2Typography { FontFamily = FontStack, FontSize = ".85rem", FontWeight = "600" },
            Body1 = new Body1Typography { FontFamily = FontStack, FontSize = ".9rem", LineHeight = "1.5" },
            Body2 = new Body2Typography { FontFamily = FontStack, FontSize = ".85rem", LineHeight = "1.45" },
            Button = new ButtonTypography { FontFamily = FontStack, FontSize = ".85rem", FontWeight = "600", TextTransform = "none" },
            Caption = new CaptionTypography { FontFamily = FontStack, FontSize = ".75rem", LineHeight = "1.4" },
            Overline = new OverlineTypography { FontFamily = FontStack, FontSize = ".7rem", FontWeight = "600", LetterSpacing = ".08em" },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "10px",
            AppbarHeight = "60px",
            DrawerWidthLeft = "232px",
        },
    };
}

namespace Portal.Components.Layout;

/// <summary>
/// Light or dark, as the person chose. Kept in a cookie so that the server renders the first paint in the
/// right mode; <see cref="MainLayout"/> owns it and cascades it to the chrome, whose toggle calls <see cref="SetAsync"/>.
/// </summary>
public sealed class ThemeMode(bool isDark, Func<bool, Task> apply)
{
    public const string CookieName = "portal-theme";

    /// <summary>The name of the cascading value that carries the mode read from the cookie.</summary>
    public const string InitialDarkModeName = "InitialDarkMode";

    public bool IsDark { get; private set; } = isDark;

    public static bool IsDarkCookie(string? value) => string.Equals(value, "dark", StringComparison.Ordinal);

    public async Task SetAsync(bool dark)
    {
        IsDark = dark;
        await apply(dark);
    }
}

namespace Portal.Engine.Synthetic;

/// <summary>
/// A topic videos of the generated world are about. The theme is hidden truth: the engine sees only
/// the hashtags and words it leaves on videos, never the theme itself.
/// </summary>
/// <param name="Id">Index in <see cref="ThemeCatalog.All"/>.</param>
/// <param name="Key">The dominant hashtag, also the theme's name ("basketball").</param>
/// <param name="Hashtags">Further hashtags a creator of the theme uses, most common first.</param>
/// <param name="LocalHashtags">A hashtag per language code, for creators who tag in their own language.</param>
/// <param name="Words">Caption vocabulary per language code.</param>
/// <param name="NeutralShare">Share of the theme's videos that are language-neutral (no speech or text to read).</param>
/// <param name="Emoji">Emoji creators of the theme put in captions.</param>
public sealed record Theme(
    int Id,
    string Key,
    string DisplayName,
    IReadOnlyList<string> Hashtags,
    IReadOnlyDictionary<string, string> LocalHashtags,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Words,
    double NeutralShare,
    string Emoji);

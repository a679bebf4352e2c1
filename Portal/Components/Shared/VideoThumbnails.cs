namespace Portal.Components.Shared;

/// <summary>
/// Which thumbnail a video gets: <c>thumbnails/{first hashtag}.svg</c> when the portal has one for that hashtag
/// (one per theme of the synthetic world), otherwise <c>thumbnails/default.svg</c>. Knows the files at start, so
/// no page asks the browser to fetch a thumbnail that is not there.
/// </summary>
public sealed class VideoThumbnails(IEnumerable<string> available)
{
    public const string Default = "thumbnails/default.svg";

    private readonly HashSet<string> _available = new(available, StringComparer.OrdinalIgnoreCase);

    /// <summary>The thumbnails in <c>thumbnails/</c> of the portal's static files.</summary>
    public static VideoThumbnails FromFolder(string assetsRoot)
    {
        var folder = Path.Combine(assetsRoot, "thumbnails");
        var names = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.svg").Select(Path.GetFileNameWithoutExtension).OfType<string>()
            : [];
        return new VideoThumbnails(names);
    }

    /// <summary>The address of the thumbnail for a video whose first hashtag is <paramref name="hashtag"/> (with or without '#').</summary>
    public string For(string? hashtag)
    {
        var key = hashtag?.TrimStart('#').Trim();
        return !string.IsNullOrEmpty(key) && !key.Equals("default", StringComparison.OrdinalIgnoreCase) && _available.Contains(key)
            ? $"thumbnails/{key.ToLowerInvariant()}.svg"
            : Default;
    }
}

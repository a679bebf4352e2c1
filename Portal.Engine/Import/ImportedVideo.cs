namespace Portal.Engine.Import;

/// <summary>
/// A data set's item as a reader describes it, before ids of hashtags, creators and sounds are given out:
/// <see cref="Tags"/> are raw names (normalised by <see cref="HashtagNormalizer"/>), the dominant first.
/// </summary>
public sealed record ImportedVideo(
    int Id,
    string Caption,
    string? Language,
    int DurationSeconds,
    IReadOnlyList<string> Tags,
    string CreatorHandle,
    string CreatorName,
    string SoundTitle,
    string SoundArtist,
    bool OriginalSound);

namespace Portal.Engine.Catalog;

/// <summary>
/// An immutable, densely indexed copy of the catalog for serving: every per-video fact the hot path needs,
/// in arrays indexed by a video's position (its <em>index</em>, not its id). Built by <see cref="CatalogSnapshotLoader"/>;
/// replaced as a whole, never changed in place.
/// </summary>
public sealed class CatalogSnapshot
{
    private readonly int[] _indexById;
    private readonly Dictionary<int, int> _creatorIndexById;
    private readonly Dictionary<int, int> _soundIndexById;
    private readonly Dictionary<string, int> _hashtagIndexByTag;

    internal CatalogSnapshot(
        DateTime builtAt,
        int[] videoIds,
        int[] creatorOf,
        int[] soundOf,
        byte[] languageOf,
        string[] languages,
        short[]?[] allowedCountriesOf,
        string[] countries,
        bool[] requiresApp,
        long[] createdAtMs,
        int[] durationSeconds,
        ModerationStatus[] moderation,
        string[] captions,
        int[][] hashtagsOf,
        string[] hashtagTags,
        int[] creatorIds,
        string[] creatorHandles,
        CreatorStatus[] creatorStatus,
        int[] soundIds,
        string[] soundTitles,
        SoundStatus[] soundStatus)
    {
        BuiltAt = builtAt;
        VideoIds = videoIds;
        CreatorOf = creatorOf;
        SoundOf = soundOf;
        LanguageOf = languageOf;
        Languages = languages;
        AllowedCountriesOf = allowedCountriesOf;
        Countries = countries;
        RequiresApp = requiresApp;
        CreatedAtMs = createdAtMs;
        DurationSeconds = durationSeconds;
        Moderation = moderation;
        Captions = captions;
        HashtagsOf = hashtagsOf;
        HashtagTags = hashtagTags;
        CreatorIds = creatorIds;
        CreatorHandles = creatorHandles;
        CreatorStatus = creatorStatus;
        SoundIds = soundIds;
        SoundTitles = soundTitles;
        SoundStatus = soundStatus;

        var maxId = videoIds.Length == 0 ? 0 : videoIds.Max();
        _indexById = new int[maxId + 1];
        Array.Fill(_indexById, -1);
        for (var i = 0; i < videoIds.Length; i++)
        {
            _indexById[videoIds[i]] = i;
        }

        _creatorIndexById = creatorIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        _soundIndexById = soundIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        _hashtagIndexByTag = hashtagTags.Select((tag, i) => (tag, i)).ToDictionary(x => x.tag, x => x.i, StringComparer.Ordinal);

        var byCreator = new List<int>[creatorIds.Length];
        for (var v = 0; v < videoIds.Length; v++)
        {
            (byCreator[creatorOf[v]] ??= []).Add(v);
        }

        VideosByCreator = byCreator.Select(list => list is null ? [] : list.OrderByDescending(v => createdAtMs[v]).ToArray()).ToArray();
    }

    public DateTime BuiltAt { get; }

    public int Count => VideoIds.Length;

    public int[] VideoIds { get; }

    /// <summary>Dense creator index of each video.</summary>
    public int[] CreatorOf { get; }

    /// <summary>Dense sound index of each video.</summary>
    public int[] SoundOf { get; }

    /// <summary>Index into <see cref="Languages"/>; 0 is language-neutral.</summary>
    public byte[] LanguageOf { get; }

    /// <summary>Language codes by index; <c>Languages[0]</c> is the empty string, meaning language-neutral.</summary>
    public string[] Languages { get; }

    /// <summary>Indices into <see cref="Countries"/> a video may be shown in; null means everywhere.</summary>
    public short[]?[] AllowedCountriesOf { get; }

    public string[] Countries { get; }

    public bool[] RequiresApp { get; }

    /// <summary>Creation time, Unix milliseconds.</summary>
    public long[] CreatedAtMs { get; }

    public int[] DurationSeconds { get; }

    /// <summary>Moderation status at the time the snapshot was built; live changes go through <see cref="VideoAvailability"/>.</summary>
    public ModerationStatus[] Moderation { get; }

    public string[] Captions { get; }

    /// <summary>Dense hashtag indices per video in the creator's order.</summary>
    public int[][] HashtagsOf { get; }

    public string[] HashtagTags { get; }

    public int[] CreatorIds { get; }

    public string[] CreatorHandles { get; }

    public CreatorStatus[] CreatorStatus { get; }

    public int[] SoundIds { get; }

    public string[] SoundTitles { get; }

    public SoundStatus[] SoundStatus { get; }

    /// <summary>Each creator's videos, newest first.</summary>
    public int[][] VideosByCreator { get; }

    public int IndexOf(int videoId) => videoId >= 0 && videoId < _indexById.Length ? _indexById[videoId] : -1;

    public int CreatorIndexOf(int creatorId) => _creatorIndexById.GetValueOrDefault(creatorId, -1);

    public int SoundIndexOf(int soundId) => _soundIndexById.GetValueOrDefault(soundId, -1);

    public int HashtagIndexOf(string tag) => _hashtagIndexByTag.GetValueOrDefault(tag, -1);

    public int LanguageIndexOf(string? language) => string.IsNullOrEmpty(language) ? 0 : Array.IndexOf(Languages, language);

    public int CountryIndexOf(string? country) => country is null ? -1 : Array.IndexOf(Countries, country);

    public string? LanguageCodeOf(int video) => LanguageOf[video] == 0 ? null : Languages[LanguageOf[video]];

    /// <summary>The first hashtag of a video, its dominant topic, or -1 when it has none.</summary>
    public int DominantHashtagOf(int video) => HashtagsOf[video].Length > 0 ? HashtagsOf[video][0] : -1;

    public IEnumerable<string> HashtagTagsOf(int video) => HashtagsOf[video].Select(h => HashtagTags[h]);
}

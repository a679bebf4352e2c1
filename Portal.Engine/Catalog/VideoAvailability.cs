namespace Portal.Engine.Catalog;

/// <summary>
/// Which videos may be served right now: visible, from an active creator, with an active sound. Immutable; a
/// moderation action makes a changed copy (<see cref="WithVideo"/>, <see cref="WithCreator"/>, <see cref="WithSound"/>)
/// that the serving state swaps in, so the action takes effect on the very next feed request.
/// </summary>
public sealed class VideoAvailability
{
    private readonly CatalogSnapshot _catalog;
    private readonly ModerationStatus[] _videos;
    private readonly CreatorStatus[] _creators;
    private readonly SoundStatus[] _sounds;
    private readonly bool[] _servable;

    private VideoAvailability(CatalogSnapshot catalog, ModerationStatus[] videos, CreatorStatus[] creators, SoundStatus[] sounds)
    {
        _catalog = catalog;
        _videos = videos;
        _creators = creators;
        _sounds = sounds;
        _servable = new bool[catalog.Count];
        for (var v = 0; v < _servable.Length; v++)
        {
            _servable[v] = videos[v] == ModerationStatus.Visible
                && creators[catalog.CreatorOf[v]] == CreatorStatus.Active
                && sounds[catalog.SoundOf[v]] == SoundStatus.Active;
            ServableCount += _servable[v] ? 1 : 0;
        }
    }

    public int ServableCount { get; }

    public bool IsServable(int video) => _servable[video];

    public ModerationStatus VideoStatus(int video) => _videos[video];

    public CreatorStatus CreatorStatusOf(int creator) => _creators[creator];

    public SoundStatus SoundStatusOf(int sound) => _sounds[sound];

    /// <summary>Availability as the catalog snapshot records it.</summary>
    public static VideoAvailability From(CatalogSnapshot catalog) =>
        new(catalog, (ModerationStatus[])catalog.Moderation.Clone(), (CreatorStatus[])catalog.CreatorStatus.Clone(), (SoundStatus[])catalog.SoundStatus.Clone());

    /// <summary>Availability with the given live states (indexed like the snapshot's arrays; the arrays are taken, not copied).</summary>
    public static VideoAvailability From(CatalogSnapshot catalog, ModerationStatus[] videos, CreatorStatus[] creators, SoundStatus[] sounds) =>
        new(catalog, videos, creators, sounds);

    public VideoAvailability WithVideo(int video, ModerationStatus status)
    {
        var videos = (ModerationStatus[])_videos.Clone();
        videos[video] = status;
        return new VideoAvailability(_catalog, videos, _creators, _sounds);
    }

    public VideoAvailability WithCreator(int creator, CreatorStatus status)
    {
        var creators = (CreatorStatus[])_creators.Clone();
        creators[creator] = status;
        return new VideoAvailability(_catalog, _videos, creators, _sounds);
    }

    public VideoAvailability WithSound(int sound, SoundStatus status)
    {
        var sounds = (SoundStatus[])_sounds.Clone();
        sounds[sound] = status;
        return new VideoAvailability(_catalog, _videos, _creators, sounds);
    }
}

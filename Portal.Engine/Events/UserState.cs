using Portal.Engine.Catalog;

namespace Portal.Engine.Events;

/// <summary>
/// What the engine knows about one user between trainings, updated online on every event and every served batch:
/// latest engagements, seen videos, followed creators, creator and sound affinities, "not interested" fatigue,
/// and the creators and sounds of recently served videos. Keyed by ids (not snapshot indices), so it outlives
/// catalog and model swaps. Not thread-safe: hold <see cref="Gate"/> while reading or changing it.
/// </summary>
public sealed class UserState
{
    private readonly int _recentCapacity;
    private readonly double _affinityHalfLifeMs;
    private readonly double _fatigueMs;
    private readonly List<EngagementRecord> _recent = [];
    private readonly List<int> _servedCreators = [];
    private readonly List<int> _servedSounds = [];
    private readonly HashSet<long> _liveEventIds = [];
    private readonly HashSet<Guid> _ownRequests = [];
    private readonly Queue<Guid> _ownRequestOrder = new();

    public UserState(long userId, int recentCapacity, double affinityHalfLifeHours, double notInterestedFatigueHours, long loadedWatermark = 0)
    {
        UserId = userId;
        _recentCapacity = recentCapacity;
        _affinityHalfLifeMs = affinityHalfLifeHours * 3_600_000;
        _fatigueMs = notInterestedFatigueHours * 3_600_000;
        LoadedWatermark = loadedWatermark;
        CaughtUpEventId = loadedWatermark;
    }

    public Lock Gate { get; } = new();

    public long UserId { get; }

    /// <summary>Events with ids up to this were read from the database when the state was loaded; later ones are applied live.</summary>
    public long LoadedWatermark { get; internal set; }

    /// <summary>The highest event id applied.</summary>
    public long LastEventId { get; private set; }

    /// <summary>
    /// Every one of the user's events with an id up to this has been applied (read at load, or by a catch-up with
    /// other instances); events applied live above it are remembered by id until a catch-up passes them.
    /// </summary>
    public long CaughtUpEventId { get; private set; }

    /// <summary>Every one of the user's served batches with a served-log id up to this has been recorded.</summary>
    public long CaughtUpServedId { get; internal set; }

    /// <summary>
    /// Remember the ids of events applied live and the request ids of batches served here, so that catching up with
    /// what other instances stored (<see cref="CatchUp"/>) applies each exactly once. Set when instances sync.
    /// </summary>
    public bool TracksCatchUp { get; internal set; }

    /// <summary>Engagements other than impressions.</summary>
    public int EngagementCount { get; private set; }

    public int BatchesServed { get; private set; }

    public long LastServedAtMs { get; private set; }

    /// <summary>Latest engagements, oldest first.</summary>
    public IReadOnlyList<EngagementRecord> Recent => _recent;

    /// <summary>Ids of every video shown to the user (served or reported as an impression).</summary>
    public HashSet<int> Seen { get; } = [];

    /// <summary>Creator ids the user follows.</summary>
    public HashSet<int> Follows { get; } = [];

    /// <summary>Creator id → (affinity, last update in Unix ms); decays with the affinity half-life.</summary>
    public Dictionary<int, (float Value, long AtMs)> CreatorAffinity { get; } = [];

    /// <summary>Sound id → (affinity, last update in Unix ms).</summary>
    public Dictionary<int, (float Value, long AtMs)> SoundAffinity { get; } = [];

    /// <summary>Creator id → Unix ms until which "not interested" keeps them away.</summary>
    public Dictionary<int, long> CreatorFatigueUntil { get; } = [];

    /// <summary>Sound id → Unix ms until which "not interested" keeps it away.</summary>
    public Dictionary<int, long> SoundFatigueUntil { get; } = [];

    /// <summary>Creator ids of served videos, oldest first (at most 256).</summary>
    public IReadOnlyList<int> RecentServedCreators => _servedCreators;

    /// <summary>Sound ids of served videos, oldest first (at most 256).</summary>
    public IReadOnlyList<int> RecentServedSounds => _servedSounds;

    /// <summary>Applies one stored event. <paramref name="catalog"/> tells the video's creator and sound; an unknown video only counts as seen.</summary>
    public void Apply(long eventId, int videoId, EngagementKind kind, float? watchFraction, long atMs, CatalogSnapshot catalog)
    {
        LastEventId = Math.Max(LastEventId, eventId);
        Seen.Add(videoId);
        if (kind == EngagementKind.Impression)
        {
            return;
        }

        EngagementCount++;
        var weight = EngagementWeights.Of(kind, watchFraction);
        // Kept in time order whatever order events arrive in, so that a state rebuilt from the database (which reads
        // them by time) is the same as the one built live.
        var record = new EngagementRecord(videoId, kind, weight, atMs);
        var at = _recent.Count;
        while (at > 0 && _recent[at - 1].AtMs > atMs)
        {
            at--;
        }

        _recent.Insert(at, record);
        if (_recent.Count > _recentCapacity)
        {
            _recent.RemoveRange(0, _recent.Count - _recentCapacity);
        }

        var video = catalog.IndexOf(videoId);
        if (video < 0)
        {
            return;
        }

        var creator = catalog.CreatorIds[catalog.CreatorOf[video]];
        var sound = catalog.SoundIds[catalog.SoundOf[video]];
        if (weight != 0)
        {
            Add(CreatorAffinity, creator, weight, atMs);
            Add(SoundAffinity, sound, weight * 0.5f, atMs);
        }

        if (kind == EngagementKind.Follow)
        {
            Follows.Add(creator);
        }

        if (kind is EngagementKind.NotInterested or EngagementKind.Report)
        {
            var until = atMs + (long)_fatigueMs;
            CreatorFatigueUntil[creator] = Math.Max(CreatorFatigueUntil.GetValueOrDefault(creator), until);
            SoundFatigueUntil[sound] = Math.Max(SoundFatigueUntil.GetValueOrDefault(sound), until);
        }
    }

    /// <summary>
    /// Applies an event this instance stored (the ingestor, right after the commit) unless it was already applied: read
    /// at load, or by a catch-up that ran between the commit and now. False when it was skipped.
    /// </summary>
    public bool ApplyLive(long eventId, int videoId, EngagementKind kind, float? watchFraction, long atMs, CatalogSnapshot catalog)
    {
        if (eventId <= CaughtUpEventId || (TracksCatchUp && !_liveEventIds.Add(eventId)))
        {
            return false;
        }

        Apply(eventId, videoId, kind, watchFraction, atMs, catalog);
        return true;
    }

    /// <summary>
    /// Applies what the database holds for the user beyond <see cref="CaughtUpEventId"/> and <see cref="CaughtUpServedId"/>
    /// (stored by other instances), skipping events already applied live and batches served by this instance. Returns
    /// how many events and batches were new.
    /// </summary>
    public (int Events, int Batches) CatchUp(IReadOnlyList<CatchUpEvent> events, IReadOnlyList<CatchUpBatch> batches, CatalogSnapshot catalog)
    {
        var newBatches = 0;
        foreach (var batch in batches.OrderBy(b => b.Id))
        {
            if (batch.Id <= CaughtUpServedId)
            {
                continue;
            }

            CaughtUpServedId = batch.Id;
            if (_ownRequests.Remove(batch.RequestId))
            {
                continue;
            }

            RecordServed(batch.VideoIds.Select(videoId =>
            {
                var video = catalog.IndexOf(videoId);
                return video < 0 ? (videoId, -1, -1) : (videoId, catalog.CreatorIds[catalog.CreatorOf[video]], catalog.SoundIds[catalog.SoundOf[video]]);
            }), batch.AtMs);
            newBatches++;
        }

        var newEvents = 0;
        var caughtUp = CaughtUpEventId;
        foreach (var e in events.OrderBy(e => e.AtMs).ThenBy(e => e.Id))
        {
            if (e.Id <= CaughtUpEventId)
            {
                continue;
            }

            caughtUp = Math.Max(caughtUp, e.Id);
            if (_liveEventIds.Remove(e.Id))
            {
                continue;
            }

            Apply(e.Id, e.VideoId, e.Kind, e.WatchFraction, e.AtMs, catalog);
            newEvents++;
        }

        CaughtUpEventId = caughtUp;
        _liveEventIds.RemoveWhere(id => id <= caughtUp);
        return (newEvents, newBatches);
    }

    /// <summary>Records a served batch: its videos are seen, and their creators and sounds enter the cooldown window.</summary>
    public void RecordServed(IEnumerable<(int VideoId, int CreatorId, int SoundId)> items, long atMs) => RecordServed(items, atMs, requestId: null);

    /// <summary>
    /// Records a batch built here; with <paramref name="requestId"/> (when catching up is tracked), the same batch read
    /// back from the served log later is not recorded twice.
    /// </summary>
    public void RecordServed(IEnumerable<(int VideoId, int CreatorId, int SoundId)> items, long atMs, Guid? requestId)
    {
        if (requestId is { } request && TracksCatchUp && _ownRequests.Add(request))
        {
            _ownRequestOrder.Enqueue(request);
            while (_ownRequestOrder.Count > 256)
            {
                _ownRequests.Remove(_ownRequestOrder.Dequeue());
            }
        }

        foreach (var (videoId, creatorId, soundId) in items)
        {
            Seen.Add(videoId);
            _servedCreators.Add(creatorId);
            _servedSounds.Add(soundId);
        }

        Trim(_servedCreators);
        Trim(_servedSounds);
        BatchesServed++;
        LastServedAtMs = Math.Max(LastServedAtMs, atMs);
    }

    /// <summary>The decayed affinity at <paramref name="nowMs"/>.</summary>
    public float AffinityAt(Dictionary<int, (float Value, long AtMs)> affinities, int key, long nowMs) =>
        affinities.TryGetValue(key, out var entry) ? Decay(entry.Value, nowMs - entry.AtMs) : 0f;

    /// <summary>A deep copy, for previews and sandboxes that must never touch the real user.</summary>
    public UserState Clone()
    {
        var copy = new UserState(UserId, _recentCapacity, _affinityHalfLifeMs / 3_600_000, _fatigueMs / 3_600_000, LoadedWatermark)
        {
            LastEventId = LastEventId,
            CaughtUpEventId = CaughtUpEventId,
            CaughtUpServedId = CaughtUpServedId,
            EngagementCount = EngagementCount,
            BatchesServed = BatchesServed,
            LastServedAtMs = LastServedAtMs,
        };
        copy._recent.AddRange(_recent);
        copy._servedCreators.AddRange(_servedCreators);
        copy._servedSounds.AddRange(_servedSounds);
        copy.Seen.UnionWith(Seen);
        copy.Follows.UnionWith(Follows);
        foreach (var (k, v) in CreatorAffinity)
        {
            copy.CreatorAffinity[k] = v;
        }

        foreach (var (k, v) in SoundAffinity)
        {
            copy.SoundAffinity[k] = v;
        }

        foreach (var (k, v) in CreatorFatigueUntil)
        {
            copy.CreatorFatigueUntil[k] = v;
        }

        foreach (var (k, v) in SoundFatigueUntil)
        {
            copy.SoundFatigueUntil[k] = v;
        }

        return copy;
    }

    private void Add(Dictionary<int, (float Value, long AtMs)> affinities, int key, float weight, long atMs)
    {
        var current = affinities.TryGetValue(key, out var entry) ? Decay(entry.Value, atMs - entry.AtMs) : 0f;
        affinities[key] = (current + weight, Math.Max(atMs, entry.AtMs));
    }

    private float Decay(float value, long ageMs) => ageMs <= 0 ? value : (float)(value * Math.Pow(2, -ageMs / _affinityHalfLifeMs));

    private static void Trim(List<int> list)
    {
        if (list.Count > 256)
        {
            list.RemoveRange(0, list.Count - 256);
        }
    }
}

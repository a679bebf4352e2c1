using Microsoft.Extensions.Logging;
using Portal.Engine.Catalog;
using Portal.Engine.Clustering;
using Portal.Engine.Events;
using Portal.Engine.Representation;
using Portal.Engine.Storage;
using Portal.Engine.Training;


namespace Portal.Engine.Feed;

/// <summary>
/// Holds the current <see cref="ServingSnapshot"/> and swaps in new ones: a full reload when the catalog
/// changes, a cheap engagement refresh on a schedule, a new model when one is promoted, new availability when
/// moderation acts. Swaps are a single reference assignment; builds never overlap.
/// </summary>
public sealed class ServingState(
    CatalogSnapshotLoader catalogs,
    EngagementSnapshotBuilder engagements,
    UserDirectory users,
    ModerationStates moderation,
    CatalogChanges changes,
    ModelStore models,
    SharedChanges shared,
    TimeProvider time,
    ILogger<ServingState> log)
{
    private readonly SemaphoreSlim _build = new(1, 1);
    private readonly Lock _swap = new();
    private volatile ServingSnapshot? _current;

    /// <summary>Raised after every swap, with the new snapshot.</summary>
    public event Action<ServingSnapshot>? Swapped;

    public bool IsReady => _current is not null;

    /// <summary>The snapshot to serve from; throws <see cref="EngineNotReadyException"/> before the first load.</summary>
    public ServingSnapshot Current => _current ?? throw new EngineNotReadyException();

    public ServingSnapshot? TryGetCurrent() => _current;

    public DateTime? LastReloadAt { get; private set; }

    /// <summary>Why the active trained version could not be loaded at the last reload (the baseline serves instead); null when it loaded.</summary>
    public string? ModelLoadError { get; private set; }

    /// <summary>The <see cref="CatalogChanges.Version"/> the current snapshot includes.</summary>
    public long LoadedCatalogVersion { get; private set; } = -1;

    /// <summary>True when a snapshot is loaded and no wholesale catalog change is waiting to be loaded.</summary>
    public bool IsCurrent => _current is not null && LoadedCatalogVersion >= changes.Version;

    /// <summary>Completes once <see cref="IsCurrent"/> (the background refresh picks changes up within moments).</summary>
    public async Task WaitUntilCurrentAsync(CancellationToken ct = default)
    {
        while (!IsCurrent)
        {
            await Task.Delay(25, ct);
        }
    }

    public DateTime? LastEngagementRefreshAt { get; private set; }

    /// <summary>Reloads users, catalog, model and engagement statistics from the database.</summary>
    public async Task ReloadAsync(CancellationToken ct = default)
    {
        await _build.WaitAsync(ct);
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var version = changes.Version;
            await users.LoadAsync(ct);
            var catalog = await catalogs.LoadAsync(ct);
            var (trained, modelError) = await models.LoadActiveAsync(catalog, ct);
            var model = trained ?? BuildBaselineModel(catalog);
            ModelLoadError = modelError;
            var engagement = await engagements.BuildAsync(catalog, ct: ct);
            var snapshot = new ServingSnapshot(catalog, model, engagement, VideoAvailability.From(catalog));
            lock (_swap)
            {
                Swap(snapshot);
                LoadedCatalogVersion = version;
            }

            LastReloadAt = LastEngagementRefreshAt = time.GetUtcNow().UtcDateTime;
            log.LogInformation(
                "Serving snapshot loaded in {Seconds:F1} s: {Videos} videos ({Servable} servable), {Users} users, {Events} events, model {Model}",
                clock.Elapsed.TotalSeconds, catalog.Count, snapshot.Availability.ServableCount, users.Count, engagement.EventCount, model.Version);
        }
        finally
        {
            _build.Release();
        }
    }

    /// <summary>Rebuilds popularity, trending and co-engagement from the events stored so far, and tells the other instances to do the same.</summary>
    public Task RefreshEngagementAsync(CancellationToken ct = default) => RefreshEngagementAsync(announce: true, ct);

    /// <summary>
    /// Rebuilds popularity, trending and co-engagement from the events stored so far; with <paramref name="announce"/>,
    /// bumps the <see cref="SharedChanges.Engagement"/> marker so that the other instances rebuild too.
    /// </summary>
    public async Task RefreshEngagementAsync(bool announce, CancellationToken ct = default)
    {
        var current = _current;
        if (current is null)
        {
            await ReloadAsync(ct);
            return;
        }

        await _build.WaitAsync(ct);
        try
        {
            current = _current!;
            var engagement = await engagements.BuildAsync(current.Catalog, ct: ct);
            lock (_swap)
            {
                // Keep whatever model and availability were swapped in while the statistics were being built.
                var latest = _current!;
                Swap(new ServingSnapshot(latest.Catalog, latest.Model, engagement, latest.Availability));
            }

            LastEngagementRefreshAt = time.GetUtcNow().UtcDateTime;
        }
        finally
        {
            _build.Release();
        }

        if (announce)
        {
            await shared.BumpAsync(SharedChanges.Engagement, ct);
        }
    }

    /// <summary>Loads the version the registry records as active (the baseline when none is, or it cannot be loaded) and serves it.</summary>
    public async Task ReloadModelAsync(CancellationToken ct = default)
    {
        var current = Current;
        var (trained, modelError) = await models.LoadActiveAsync(current.Catalog, ct);
        var model = trained ?? BuildBaselineModel(current.Catalog);
        lock (_swap)
        {
            var latest = _current!;
            if (!ReferenceEquals(latest.Catalog, current.Catalog))
            {
                // A full reload swapped in a new catalog meanwhile; it loaded the active model itself.
                return;
            }

            ModelLoadError = modelError;
            Swap(new ServingSnapshot(latest.Catalog, model, latest.Engagement, latest.Availability));
        }
    }

    /// <summary>Serves a new model from the next request on.</summary>
    public void UseModel(RecommenderModel model)
    {
        lock (_swap)
        {
            var current = Current;
            Swap(new ServingSnapshot(current.Catalog, model, current.Engagement, current.Availability));
        }
    }

    /// <summary>Re-reads moderation states so that an action applies to the very next request.</summary>
    public async Task RefreshAvailabilityAsync(CancellationToken ct = default)
    {
        var current = _current;
        if (current is null)
        {
            return;
        }

        var availability = await moderation.LoadAvailabilityAsync(current.Catalog, ct);
        lock (_swap)
        {
            var latest = _current!;
            if (ReferenceEquals(latest.Catalog, current.Catalog))
            {
                Swap(latest.WithAvailability(availability));
            }
        }
    }

    /// <summary>Applies a moderation change to what may be served; the very next request sees it.</summary>
    public void ApplyAvailability(Func<VideoAvailability, VideoAvailability> change)
    {
        lock (_swap)
        {
            var current = Current;
            Swap(current.WithAvailability(change(current.Availability)));
        }
    }

    /// <summary>The model the engine serves before any training: its own TF-IDF content vectors and dominant-hashtag topic groups.</summary>
    public static RecommenderModel BuildBaselineModel(CatalogSnapshot catalog) =>
        new("baseline", catalog.BuiltAt, TfIdfContentVectorizer.Build(catalog), DominantHashtagClustering.Build(catalog));

    private void Swap(ServingSnapshot snapshot)
    {
        _current = snapshot;
        Swapped?.Invoke(snapshot);
    }
}

using Portal.Engine.Storage;

namespace Portal.Engine.Catalog;

/// <summary>
/// Tells the serving state that the catalog or the users changed wholesale (a world seeded, data imported) and must be
/// reloaded, and, through the <see cref="SharedChanges.Catalog"/> marker, the other instances on the same database.
/// </summary>
public sealed class CatalogChanges(SharedChanges shared)
{
    private long _version;

    public event Action? Changed;

    /// <summary>How many wholesale changes there have been; a snapshot loaded after reading version N includes change N.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Reloads this instance (the background refresh picks it up) and tells the others to reload too.</summary>
    public async Task NotifyChangedAsync(CancellationToken ct = default)
    {
        NotifyChanged();
        await shared.BumpAsync(SharedChanges.Catalog, ct);
    }

    /// <summary>Reloads this instance only.</summary>
    public void NotifyChanged()
    {
        Interlocked.Increment(ref _version);
        Changed?.Invoke();
    }
}

namespace Portal.Engine.Catalog;

/// <summary>Tells the serving state that the catalog or the users changed wholesale (a world seeded, data imported) and must be reloaded.</summary>
public sealed class CatalogChanges
{
    private long _version;

    public event Action? Changed;

    /// <summary>How many wholesale changes there have been; a snapshot loaded after reading version N includes change N.</summary>
    public long Version => Interlocked.Read(ref _version);

    public void NotifyChanged()
    {
        Interlocked.Increment(ref _version);
        Changed?.Invoke();
    }
}

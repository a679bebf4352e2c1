namespace Portal.Engine.Catalog;

/// <summary>Tells the serving state that the catalog or the users changed wholesale (a world seeded, data imported) and must be reloaded.</summary>
public sealed class CatalogChanges
{
    public event Action? Changed;

    public void NotifyChanged() => Changed?.Invoke();
}

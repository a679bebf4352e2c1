namespace Portal.Engine.Storage;

/// <summary>
/// A change marker every engine instance on the database can see: its version grows by one each time the named piece
/// of shared state (rules, model, moderation, catalog, engagement, users) changes, so that the other instances know
/// to reload that piece.
/// </summary>
public sealed class SharedVersion
{
    public string Name { get; set; } = "";

    public long Version { get; set; }

    public DateTime ChangedAt { get; set; }
}

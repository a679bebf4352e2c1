using Portal.Engine.Catalog;

namespace Portal.Engine.Import;

/// <summary>
/// A data set read into the engine's shapes, ready to load: catalog, users, the interactions (oldest first), the
/// device recorded on every event, and every skipped row.
/// </summary>
public sealed record ImportedData(
    string Format,
    string Layout,
    IReadOnlyList<ImportedFile> Files,
    IReadOnlyList<Creator> Creators,
    IReadOnlyList<Sound> Sounds,
    IReadOnlyList<Hashtag> Hashtags,
    IReadOnlyList<Video> Videos,
    IReadOnlyList<AppUser> Users,
    IReadOnlyList<ImportedInteraction> Interactions,
    DeviceType Device,
    ImportProblemLog Problems)
{
    public long EventCount => Interactions.Sum(i => (long)i.EventCount);
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Engine.Catalog;
using Portal.Engine.Storage;

namespace Portal.Engine.Training;

/// <summary>
/// Reads model versions: their records and their artifacts, aligned to a catalog snapshot. Knows nothing of serving,
/// so that both the serving state (to load the active version at start) and the registry (to promote) can use it.
/// </summary>
public sealed class ModelStore(IDbContextFactory<EngineDbContext> contexts, IOptions<TrainingOptions> options, ILogger<ModelStore> log)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The folder a version's artifacts live in.</summary>
    public string DirectoryFor(int versionId) => Path.GetFullPath(Path.Combine(options.Value.ArtifactsPath, $"v{versionId}"));

    public async Task<ModelVersionRecord?> ActiveRecordAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ModelVersions.AsNoTracking().Where(m => m.Status == ModelStatus.Active).OrderByDescending(m => m.PromotedAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// The active version aligned to <paramref name="catalog"/>, or null when there is none. A version whose artifacts
    /// are missing or damaged is refused (the error says why) so that the caller serves the baseline instead.
    /// </summary>
    public async Task<(Training.RecommenderModel? Model, string? Error)> LoadActiveAsync(CatalogSnapshot catalog, CancellationToken ct = default)
    {
        var active = await ActiveRecordAsync(ct);
        if (active is null)
        {
            return (null, null);
        }

        try
        {
            return (await LoadAsync(active, catalog, ct), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or FormatException)
        {
            var error = $"Model {active.Version} could not be loaded ({ex.Message}); the baseline serves instead.";
            log.LogError(ex, "Model {Version} could not be loaded; serving the baseline", active.Version);
            return (null, error);
        }
    }

    /// <summary>Loads and aligns one version. Throws <see cref="InvalidDataException"/> when its artifacts are damaged.</summary>
    public async Task<Training.RecommenderModel> LoadAsync(ModelVersionRecord record, CatalogSnapshot catalog, CancellationToken ct = default)
    {
        var artifacts = await Task.Run(() => ModelArtifacts.Load(string.IsNullOrEmpty(record.ArtifactPath) ? DirectoryFor(record.Id) : record.ArtifactPath), ct);
        var names = await StaffNamesAsync(record.Id, ct);
        return await Task.Run(() => artifacts.AlignTo(catalog, record.Id, names), ct);
    }

    /// <summary>The manifest a version's folder holds (its notes among the rest), or null when its artifacts are gone.</summary>
    public Task<ModelManifest?> ManifestAsync(ModelVersionRecord record, CancellationToken ct = default) =>
        Task.Run(() => ModelArtifacts.ReadManifest(string.IsNullOrEmpty(record.ArtifactPath) ? DirectoryFor(record.Id) : record.ArtifactPath), ct);

    /// <summary>Cluster names staff gave this version's video clusters.</summary>
    public async Task<IReadOnlyDictionary<int, string>> StaffNamesAsync(int versionId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ClusterLabels.AsNoTracking().Where(l => l.ModelVersionId == versionId).ToDictionaryAsync(l => l.Cluster, l => l.Name, ct);
    }
}

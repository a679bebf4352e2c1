using System.Collections.Concurrent;
using System.Data.Common;
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
/// When artifacts are shared through the database (<see cref="ModelArtifactShare"/>), a version whose local folder is
/// missing or damaged is fetched from there first; loads of one version in this process take turns at that.
/// </summary>
public sealed class ModelStore(IDbContextFactory<EngineDbContext> contexts, ModelArtifactShare share, IOptions<TrainingOptions> options, ILogger<ModelStore> log)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<int, SemaphoreSlim> _fetching = new();

    /// <summary>The folder a version's artifacts live in.</summary>
    public string DirectoryFor(int versionId) => Path.GetFullPath(Path.Combine(options.Value.ArtifactsPath, $"v{versionId}"));

    /// <summary>
    /// Where this instance keeps <paramref name="record"/>'s artifacts: the path the record names, or, when versions are
    /// shared through the database, this instance's own folder for it (the record names the folder of whichever
    /// instance trained it).
    /// </summary>
    public string FolderOf(ModelVersionRecord record) =>
        share.Enabled || string.IsNullOrEmpty(record.ArtifactPath) ? DirectoryFor(record.Id) : record.ArtifactPath;

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
        var artifacts = await LoadArtifactsAsync(record, ct);
        var names = await StaffNamesAsync(record.Id, ct);
        return await Task.Run(() => artifacts.AlignTo(catalog, record.Id, names), ct);
    }

    /// <summary>
    /// Reads a version's artifacts, checked against the manifest. When the local folder is missing or damaged and
    /// versions are shared, its database copy replaces it first.
    /// </summary>
    /// <exception cref="InvalidDataException">The artifacts are missing or damaged, and so is the database copy (or there is none).</exception>
    public async Task<ModelArtifacts> LoadArtifactsAsync(ModelVersionRecord record, CancellationToken ct = default)
    {
        var directory = FolderOf(record);
        try
        {
            return await Task.Run(() => ModelArtifacts.Load(directory), ct);
        }
        catch (InvalidDataException local) when (share.Enabled)
        {
            await FetchAsync(record, directory, local.Message, ct);
            return await Task.Run(() => ModelArtifacts.Load(directory), ct);
        }
    }

    /// <summary>The manifest a version's folder holds (its notes among the rest), or null when its artifacts are gone.</summary>
    public async Task<ModelManifest?> ManifestAsync(ModelVersionRecord record, CancellationToken ct = default)
    {
        var directory = FolderOf(record);
        var manifest = await Task.Run(() => ModelArtifacts.ReadManifest(directory), ct);
        if (manifest is not null || !share.Enabled || record.Status is ModelStatus.Training or ModelStatus.Failed or ModelStatus.Pruned)
        {
            return manifest;
        }

        try
        {
            await FetchAsync(record, directory, "the folder has no manifest", ct);
        }
        catch (InvalidDataException)
        {
            return null;
        }

        return await Task.Run(() => ModelArtifacts.ReadManifest(directory), ct);
    }

    /// <summary>
    /// Replaces the local folder with the database copy, one fetch per version at a time: a load that waited finds the
    /// folder already healed by the one before it and fetches nothing.
    /// </summary>
    private async Task FetchAsync(ModelVersionRecord record, string directory, string localError, CancellationToken ct)
    {
        var gate = _fetching.GetOrAdd(record.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (await Task.Run(() => IsIntact(directory), ct))
            {
                return;
            }

            try
            {
                await share.RestoreAsync(record.Id, directory, ct);
            }
            catch (Exception ex) when (ex is InvalidDataException or DbException or IOException or UnauthorizedAccessException)
            {
                throw new InvalidDataException($"{localError} The database copy could not replace it: {ex.Message}", ex);
            }

            log.LogWarning("Model {Version}: the local artifacts were missing or damaged ({Error}); fetched from the database", record.Version, localError);
        }
        finally
        {
            gate.Release();
        }
    }

    private static bool IsIntact(string directory)
    {
        try
        {
            ModelArtifacts.Verify(directory);
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Cluster names staff gave this version's video clusters.</summary>
    public async Task<IReadOnlyDictionary<int, string>> StaffNamesAsync(int versionId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ClusterLabels.AsNoTracking().Where(l => l.ModelVersionId == versionId).ToDictionaryAsync(l => l.Cluster, l => l.Name, ct);
    }
}

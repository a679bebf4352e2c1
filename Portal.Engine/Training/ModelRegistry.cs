using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Engine.Clustering;
using Portal.Engine.Feed;
using Portal.Engine.Storage;

namespace Portal.Engine.Training;

/// <summary>
/// The model versions and which one serves. Promotion first loads the version and aligns it to the catalog being
/// served (a version that cannot be loaded changes nothing), records it as active, and swaps it in as one reference:
/// a request in flight keeps the model it started with. Rollback promotes the version that was active before. Retention deletes old artifacts (their
/// database copy too) but never those of the active version or of versions the served log still references within its retention.
/// </summary>
public sealed class ModelRegistry(
    IDbContextFactory<EngineDbContext> contexts,
    ModelStore store,
    ServingState serving,
    SharedChanges shared,
    IOptions<TrainingOptions> options,
    TimeProvider time,
    ILogger<ModelRegistry> log)
{
    private readonly SemaphoreSlim _promotion = new(1, 1);

    public async Task<IReadOnlyList<ModelVersionRecord>> ListAsync(int take = 100, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ModelVersions.AsNoTracking().OrderByDescending(m => m.Id).Take(Math.Clamp(take, 1, 1_000)).ToListAsync(ct);
    }

    /// <summary>One page of the versions, newest first.</summary>
    public async Task<Catalog.Page<ModelVersionRecord>> PageAsync(int pageIndex, int pageSize, CancellationToken ct = default)
    {
        pageIndex = Math.Max(0, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, 200);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var total = await db.ModelVersions.CountAsync(ct);
        var items = await db.ModelVersions.AsNoTracking().OrderByDescending(m => m.Id).Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(ct);
        return new Catalog.Page<ModelVersionRecord>(items, total, pageIndex, pageSize);
    }

    public async Task<ModelVersionRecord?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ModelVersions.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
    }

    public Task<ModelVersionRecord?> ActiveAsync(CancellationToken ct = default) => store.ActiveRecordAsync(ct);

    /// <summary>Makes <paramref name="id"/> the serving version. Fails (and changes nothing) when it cannot be loaded.</summary>
    public async Task<PromotionResult> PromoteAsync(int id, string by, string reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return PromotionResult.Refused("Give a reason for promoting the version.");
        }

        await _promotion.WaitAsync(ct);
        try
        {
            var record = await GetAsync(id, ct);
            if (record is null)
            {
                return PromotionResult.Refused($"There is no model version {id}.");
            }

            if (record.Status is ModelStatus.Training or ModelStatus.Failed or ModelStatus.Pruned)
            {
                return PromotionResult.Refused($"Version {record.Version} cannot serve: it is {record.Status.ToString().ToLowerInvariant()}.");
            }

            if (record.Status == ModelStatus.Active)
            {
                return PromotionResult.Refused($"Version {record.Version} is already active.");
            }

            RecommenderModel model;
            try
            {
                model = await store.LoadAsync(record, serving.Current.Catalog, ct);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                return PromotionResult.Refused($"Version {record.Version} could not be loaded: {ex.Message}");
            }

            var changed = await MarkActiveAsync(record.Id, by, reason, ct);
            serving.UseModel(model);
            shared.Remember(SharedChanges.Model, changed);
            log.LogInformation("Model {Version} promoted by {By}: {Reason}", record.Version, by, reason);
            return PromotionResult.Done(record.Version, $"{record.Version} now serves.");
        }
        finally
        {
            _promotion.Release();
        }
    }

    /// <summary>Serves again the version that was active before the current one (or the baseline when there was none).</summary>
    public async Task<PromotionResult> RollbackAsync(string by, string reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return PromotionResult.Refused("Give a reason for the rollback.");
        }

        ModelVersionRecord? previous;
        ModelVersionRecord? current;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            current = await db.ModelVersions.AsNoTracking().Where(m => m.Status == ModelStatus.Active).FirstOrDefaultAsync(ct);
            previous = await db.ModelVersions.AsNoTracking()
                .Where(m => m.PromotedAt != null && m.Status == ModelStatus.Ready && (current == null || m.Id != current.Id))
                .OrderByDescending(m => m.PromotedAt)
                .FirstOrDefaultAsync(ct);
        }

        if (current is null)
        {
            return PromotionResult.Refused("No trained version is active; the baseline already serves.");
        }

        if (previous is null)
        {
            await _promotion.WaitAsync(ct);
            try
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.ModelVersions.Where(m => m.Id == current.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, ModelStatus.Ready)
                    .SetProperty(m => m.Decision, $"Rolled back by {by}: {reason.Trim()}"), ct);
                var changed = await shared.BumpAsync(db, SharedChanges.Model, ct);
                await transaction.CommitAsync(ct);
                serving.UseModel(ServingState.BuildBaselineModel(serving.Current.Catalog));
                shared.Remember(SharedChanges.Model, changed);
                return PromotionResult.Done("baseline", "No earlier version was ever active; the baseline serves.");
            }
            finally
            {
                _promotion.Release();
            }
        }

        return await PromoteAsync(previous.Id, by, $"Rollback from {current.Version}: {reason.Trim()}", ct);
    }

    /// <summary>Names a video cluster of a version; later versions inherit the name by membership overlap.</summary>
    public async Task<string?> RenameClusterAsync(int versionId, int cluster, string name, string by, CancellationToken ct = default)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 120)
        {
            return "A cluster name needs 1 to 120 characters.";
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var label = await db.ClusterLabels.SingleOrDefaultAsync(l => l.ModelVersionId == versionId && l.Cluster == cluster, ct);
        if (label is null)
        {
            db.ClusterLabels.Add(label = new ClusterLabel { ModelVersionId = versionId, Cluster = cluster });
        }

        label.Name = name;
        label.RenamedBy = by;
        label.RenamedAt = time.GetUtcNow().UtcDateTime;
        long changed;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            changed = await shared.BumpAsync(db, SharedChanges.Model, ct);
            await transaction.CommitAsync(ct);
        }

        var current = serving.Current.Model;
        if (current.VersionId == versionId && cluster >= 0 && cluster < current.Clusters.Count)
        {
            var names = (string[])current.Clusters.Names.Clone();
            names[cluster] = name;
            serving.UseModel(new RecommenderModel(current.Version, current.CreatedAt, current.Content, current.Clusters.WithNames(names))
            {
                VersionId = current.VersionId,
                Collaborative = current.Collaborative,
                UserClusters = current.UserClusters,
                LearnedRanker = current.LearnedRanker,
            });
            shared.Remember(SharedChanges.Model, changed);
        }

        return null;
    }

    /// <summary>Deletes the artifacts of versions beyond the retention setting; returns how many were pruned.</summary>
    public async Task<int> PruneAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var since = time.GetUtcNow().UtcDateTime.AddDays(-settings.ServedLogRetentionDays);
        var referenced = await db.ServedBatches.AsNoTracking().Where(b => b.At >= since).Select(b => b.ModelVersion).Distinct().ToListAsync(ct);
        var candidates = await db.ModelVersions
            .Where(m => m.Status == ModelStatus.Ready || m.Status == ModelStatus.Rejected)
            .OrderByDescending(m => m.Id)
            .Skip(settings.KeepVersions)
            .ToListAsync(ct);
        var pruned = 0;
        foreach (var version in candidates.Where(v => !referenced.Contains(v.Version)))
        {
            var directory = store.FolderOf(version);
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }

                await db.ModelArtifactFiles.Where(f => f.ModelVersionId == version.Id).ExecuteDeleteAsync(ct);
                version.Status = ModelStatus.Pruned;
                version.Decision = $"Artifacts deleted by retention (keep {settings.KeepVersions} versions).";
                pruned++;
            }
            catch (IOException ex)
            {
                log.LogWarning(ex, "Could not delete the artifacts of {Version}", version.Version);
            }
        }

        await db.SaveChangesAsync(ct);
        return pruned;
    }

    /// <summary>
    /// Marks runs that stopped beating (their process died mid-run) as failed, and their model versions with them,
    /// deleting what they had written (on disk and in the database). The active version is untouched. Returns how many runs were recovered.
    /// </summary>
    public async Task<int> RecoverInterruptedAsync(CancellationToken ct = default)
    {
        var staleBefore = time.GetUtcNow().UtcDateTime.AddMinutes(-options.Value.StaleRunMinutes);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stale = await db.TrainingRuns.Where(r => r.Outcome == TrainingOutcome.Running && (r.HeartbeatAt ?? r.StartedAt) <= staleBefore).ToListAsync(ct);
        foreach (var run in stale)
        {
            run.Outcome = TrainingOutcome.Failed;
            run.FinishedAt = time.GetUtcNow().UtcDateTime;
            run.Message = "Interrupted: the process stopped during the run. The active model kept serving.";
        }

        var versionIds = stale.Where(r => r.ModelVersionId is not null).Select(r => r.ModelVersionId!.Value).ToHashSet();
        var versions = await db.ModelVersions.Where(m => m.Status == ModelStatus.Training && (versionIds.Contains(m.Id) || m.CreatedAt <= staleBefore)).ToListAsync(ct);
        foreach (var version in versions)
        {
            version.Status = ModelStatus.Failed;
            version.Error = "Interrupted: the process stopped while this version was being trained.";
            version.Decision = version.Error;
            var directory = store.FolderOf(version);
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
            catch (IOException ex)
            {
                log.LogWarning(ex, "Could not delete the partial artifacts of {Version}", version.Version);
            }
        }

        await db.SaveChangesAsync(ct);

        // The database copy of failed and pruned versions, including any a failed run could not delete itself.
        await db.ModelArtifactFiles
            .Where(f => db.ModelVersions.Any(m => m.Id == f.ModelVersionId && (m.Status == ModelStatus.Failed || m.Status == ModelStatus.Pruned)))
            .ExecuteDeleteAsync(ct);
        if (stale.Count > 0)
        {
            log.LogWarning("{Count} interrupted training run(s) marked failed", stale.Count);
        }

        return stale.Count;
    }

    /// <summary>Records <paramref name="id"/> as the active version; returns the <see cref="SharedChanges.Model"/> version that announces it.</summary>
    internal async Task<long> MarkActiveAsync(int id, string by, string reason, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.ModelVersions.Where(m => m.Status == ModelStatus.Active && m.Id != id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, ModelStatus.Ready), ct);
        await db.ModelVersions.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, ModelStatus.Active)
            .SetProperty(m => m.PromotedAt, now)
            .SetProperty(m => m.PromotedBy, by)
            .SetProperty(m => m.Decision, reason.Trim()), ct);
        var changed = await shared.BumpAsync(db, SharedChanges.Model, ct);
        await transaction.CommitAsync(ct);
        return changed;
    }
}

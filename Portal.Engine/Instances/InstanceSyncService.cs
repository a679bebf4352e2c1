using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Engine.Catalog;
using Portal.Engine.Diversity;
using Portal.Engine.Events;
using Portal.Engine.Feed;
using Portal.Engine.Storage;

namespace Portal.Engine.Instances;

/// <summary>
/// Keeps this instance current with the others on the same database: every few seconds it reads the change markers
/// (<see cref="SharedChanges"/>) and reloads exactly the pieces another instance changed: the diversity rules, the
/// active model, what moderation allows, the whole serving snapshot after a world was seeded or imported, the
/// popularity statistics, the user directory. The first read only records where things stand. A reload that fails
/// is logged and tried again at the next tick, while the previous state keeps serving. Off (returns at once) unless
/// <see cref="InstancesOptions.Sync"/> says otherwise, which it does by default on PostgreSQL.
/// </summary>
public sealed class InstanceSyncService(
    SharedChanges shared,
    DiversityRulesStore rules,
    ServingState serving,
    UserDirectory users,
    UserStateStore states,
    IOptions<InstancesOptions> options,
    IOptions<StorageOptions> storage,
    ILogger<InstanceSyncService> log) : BackgroundService
{
    private readonly SemaphoreSlim _tick = new(1, 1);
    private Dictionary<string, long>? _seen;

    public bool Enabled => options.Value.SyncEnabled(storage.Value.Provider);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SyncIntervalSeconds));
        try
        {
            do
            {
                try
                {
                    await SyncOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning(ex, "Reading the change markers failed; trying again at the next tick");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// One tick: reads the markers and reloads what another instance changed since the last tick. Returns the names
    /// reloaded. The first call records the versions and reloads nothing; so does every call when sync is off.
    /// </summary>
    public async Task<IReadOnlyList<string>> SyncOnceAsync(CancellationToken ct = default)
    {
        if (!Enabled)
        {
            return [];
        }

        await _tick.WaitAsync(ct);
        try
        {
            var current = await shared.ReadAllAsync(ct);
            if (_seen is null)
            {
                _seen = new Dictionary<string, long>(current, StringComparer.Ordinal);
                return [];
            }

            if (!serving.IsReady)
            {
                // Nothing to reload into yet; the first load reads everything, and these changes are looked at again next tick.
                return [];
            }

            var moved = current
                .Where(v => v.Value != _seen.GetValueOrDefault(v.Key))
                .Where(v =>
                {
                    if (v.Value > _seen.GetValueOrDefault(v.Key) && shared.AllOwn(v.Key, _seen.GetValueOrDefault(v.Key), v.Value))
                    {
                        _seen[v.Key] = v.Value;
                        return false;
                    }

                    return true;
                })
                .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
            if (moved.Count == 0)
            {
                return [];
            }

            var reloaded = new List<string>();
            if (moved.Remove(SharedChanges.Catalog, out var catalogVersion))
            {
                // A new world: everything else is reloaded with it.
                if (await TryReloadAsync(SharedChanges.Catalog, async () =>
                    {
                        states.Clear();
                        await serving.ReloadAsync(ct);
                        await rules.LoadAsync(ct);
                    }))
                {
                    _seen[SharedChanges.Catalog] = catalogVersion;
                    reloaded.Add(SharedChanges.Catalog);
                    foreach (var (name, version) in moved)
                    {
                        _seen[name] = version;
                    }

                    return reloaded;
                }
            }

            foreach (var (name, version) in moved)
            {
                Func<Task>? reload = name switch
                {
                    SharedChanges.Rules => () => rules.LoadAsync(ct),
                    SharedChanges.Model => () => serving.ReloadModelAsync(ct),
                    SharedChanges.Moderation => () => serving.RefreshAvailabilityAsync(ct),
                    SharedChanges.Engagement => () => serving.RefreshEngagementAsync(announce: false, ct),
                    SharedChanges.Users => () => users.LoadAsync(ct),
                    _ => null,
                };
                if (reload is null || await TryReloadAsync(name, reload))
                {
                    _seen[name] = version;
                    if (reload is not null)
                    {
                        reloaded.Add(name);
                    }
                }
            }

            return reloaded;
        }
        finally
        {
            _tick.Release();
        }
    }

    private async Task<bool> TryReloadAsync(string name, Func<Task> reload)
    {
        try
        {
            await reload();
            log.LogInformation("Reloaded {What} changed by another instance", name);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Reloading {What} changed by another instance failed; the previous state keeps serving and the next tick tries again", name);
            return false;
        }
    }
}

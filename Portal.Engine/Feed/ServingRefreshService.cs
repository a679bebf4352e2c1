using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Engine.Candidates;
using Portal.Engine.Catalog;
using Portal.Engine.Diversity;
using Portal.Engine.Events;

namespace Portal.Engine.Feed;

/// <summary>
/// Brings the engine up in the background (rules, then the first serving snapshot) while the host is already
/// answering, rebuilds the engagement statistics on a schedule (unless <see cref="CandidatesOptions.BackgroundRefresh"/>
/// is off because the host schedules that itself), and reloads everything when the catalog changes wholesale (a world
/// seeded or imported).
/// </summary>
public sealed class ServingRefreshService(
    ServingState serving,
    DiversityRulesStore rules,
    Training.ModelRegistry registry,
    UserStateStore states,
    CatalogChanges changes,
    IOptions<CandidatesOptions> options,
    ILogger<ServingRefreshService> log) : BackgroundService
{
    private readonly SemaphoreSlim _reloadRequested = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        changes.Changed += OnCatalogChanged;
        try
        {
            while (true)
            {
                try
                {
                    await rules.LoadAsync(stoppingToken);
                    await registry.RecoverInterruptedAsync(stoppingToken);
                    await serving.ReloadAsync(stoppingToken);
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogError(ex, "Loading the engine failed; retrying in 5 seconds");
                    await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                }
            }

            var interval = options.Value.BackgroundRefresh ? TimeSpan.FromMinutes(options.Value.RefreshIntervalMinutes) : Timeout.InfiniteTimeSpan;
            while (!stoppingToken.IsCancellationRequested)
            {
                var reload = await _reloadRequested.WaitAsync(interval, stoppingToken);
                try
                {
                    if (reload)
                    {
                        states.Clear();
                        await serving.ReloadAsync(stoppingToken);
                    }
                    else
                    {
                        // Every instance rebuilds on its own timer, so there is nothing to tell the others.
                        await serving.RefreshEngagementAsync(announce: false, stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogError(ex, "Refreshing the serving snapshot failed; the previous snapshot keeps serving");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            changes.Changed -= OnCatalogChanged;
        }
    }

    private void OnCatalogChanged()
    {
        try
        {
            _reloadRequested.Release();
        }
        catch (SemaphoreFullException)
        {
            // A reload is already pending.
        }
    }
}

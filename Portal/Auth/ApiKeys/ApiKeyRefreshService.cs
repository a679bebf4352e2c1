using Microsoft.Extensions.Options;

namespace Portal.Auth.ApiKeys;

/// <summary>
/// Loads the active keys when the portal starts, then on every <see cref="ApiKeyOptions.RefreshInterval"/> writes
/// the keys' last uses and re-reads the active keys. Writes what is left when the portal stops.
/// </summary>
internal sealed class ApiKeyRefreshService(ApiKeyCache cache, ApiKeyUsage usage, IOptions<ApiKeyOptions> options, ILogger<ApiKeyRefreshService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        do
        {
            try
            {
                await usage.FlushAsync(stoppingToken);
                await cache.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Refreshing the API keys failed; the keys loaded before stay in force");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await usage.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Could not record the API keys' last uses on shutdown");
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

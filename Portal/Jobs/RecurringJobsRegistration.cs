namespace Portal.Jobs;

/// <summary>Registers the recurring jobs from their stored schedules once per start (Hangfire's in-memory storage starts empty).</summary>
internal sealed class RecurringJobsRegistration(TrainingScheduler scheduler, ILogger<RecurringJobsRegistration> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await scheduler.RegisterAllAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The portal still serves; the Training page shows the schedules as not registered and saving one registers it.
            log.LogError(ex, "Registering the recurring jobs failed");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Hangfire;
using Portal.Engine.Training;

namespace Portal.Jobs;

/// <summary>
/// Trains a new model version with the engine's <see cref="TrainingPipeline"/> (which also decides promotion). A run
/// already in progress is not an error: this one logs and returns. A failed run is thrown so that Hangfire records it
/// and retries it (at most twice); running it again only trains another version.
/// </summary>
public sealed class RetrainModelJob(TrainingPipeline pipeline, ILogger<RetrainModelJob> log)
{
    /// <param name="trigger"><c>schedule</c> or <c>manual</c>.</param>
    /// <param name="requestedBy">The staff email for a manual run; null for the schedule.</param>
    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    public async Task RunAsync(string trigger, string? requestedBy, CancellationToken ct)
    {
        if (pipeline.IsRunning)
        {
            log.LogInformation("A training run is already in progress; the {Trigger} run requested by {By} was skipped", trigger, requestedBy ?? "the schedule");
            return;
        }

        TrainingResult result;
        try
        {
            result = await pipeline.RunAsync(trigger, requestedBy, ct: ct);
        }
        catch (TrainingAlreadyRunningException)
        {
            log.LogInformation("A training run is already in progress; the {Trigger} run requested by {By} was skipped", trigger, requestedBy ?? "the schedule");
            return;
        }

        switch (result.Outcome)
        {
            case TrainingOutcome.Failed:
                throw new InvalidOperationException($"Training run {result.RunId} failed: {result.Decision}");
            case TrainingOutcome.Cancelled:
                log.LogWarning("Training run {Run} was cancelled", result.RunId);
                break;
            default:
                log.LogInformation("Training run {Run} made {Version}: {Decision}", result.RunId, result.Version, result.Decision);
                break;
        }
    }
}

using Hangfire;
using Portal.Engine.Feed;
using Portal.Engine.Training;

namespace Portal.Jobs;

/// <summary>
/// Rebuilds the engagement statistics (popularity, trending, co-engagement) from the events stored so far and records
/// the run in the history. Safe to run twice: each run rebuilds the same statistics from the same events.
/// </summary>
public sealed class RefreshPopularityJob(ServingState serving, TrainingHistory history, ILogger<RefreshPopularityJob> log)
{
    /// <param name="trigger"><c>schedule</c> or <c>manual</c>.</param>
    /// <param name="requestedBy">The staff email for a manual run; null for the schedule.</param>
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(string trigger, string? requestedBy, CancellationToken ct)
    {
        if (!serving.IsReady)
        {
            log.LogInformation("The engine has not loaded its first snapshot yet; the popularity refresh waits for the next run");
            return;
        }

        await history.RecordAsync(TrainingJobs.PopularityRefresh, trigger, requestedBy, async token =>
        {
            await serving.RefreshEngagementAsync(token);
            var engagement = serving.Current.Engagement;
            return $"Popularity, trending and co-engagement rebuilt from {engagement.EventCount:N0} events.";
        }, ct);
    }
}

using Cronos;
using Hangfire;
using Hangfire.Storage;
using Portal.Engine.Training;

namespace Portal.Jobs;

/// <summary>
/// The one place that registers the recurring jobs with Hangfire. Their schedules live in the engine database
/// (<see cref="TrainingScheduleStore"/>), because Hangfire's in-memory storage forgets them on restart:
/// <see cref="RegisterAllAsync"/> seeds the defaults when a schedule is missing and registers every enabled one at
/// start, and <see cref="SaveAsync"/> validates a changed cron with Cronos, stores it and registers it again.
/// </summary>
public sealed class TrainingScheduler(
    TrainingScheduleStore schedules,
    IRecurringJobManager recurring,
    IBackgroundJobClient jobs,
    JobStorage storage,
    TimeProvider time,
    ILogger<TrainingScheduler> log)
{
    /// <summary>The recurring job that retrains the model.</summary>
    public const string RetrainJobId = TrainingJobs.Retrain;

    /// <summary>The recurring job that rebuilds popularity from the events.</summary>
    public const string PopularityRefreshJobId = TrainingJobs.PopularityRefresh;

    /// <summary>Every day at 03:00 UTC.</summary>
    public const string DefaultRetrainCron = "0 3 * * *";

    /// <summary>Every 5 minutes.</summary>
    public const string DefaultPopularityRefreshCron = "*/5 * * * *";

    /// <summary>Who the seeded default schedules are recorded as being set by.</summary>
    public const string DefaultsAuthor = "default";

    public static IReadOnlyList<string> JobIds { get; } = [RetrainJobId, PopularityRefreshJobId];

    /// <summary>Seeds the missing schedules with the defaults and registers every schedule with Hangfire.</summary>
    public async Task RegisterAllAsync(CancellationToken ct = default)
    {
        var all = await schedules.EnsureAsync([(RetrainJobId, DefaultRetrainCron), (PopularityRefreshJobId, DefaultPopularityRefreshCron)], DefaultsAuthor, ct);
        foreach (var schedule in all.Where(s => JobIds.Contains(s.JobId)))
        {
            if (Validate(schedule.Cron) is { } error)
            {
                log.LogError("The stored schedule of {Job} is not valid ({Error}); it is not registered until staff fix it", schedule.JobId, error);
                recurring.RemoveIfExists(schedule.JobId);
                continue;
            }

            Register(schedule.JobId, schedule.Cron, schedule.Enabled);
        }

        log.LogInformation("Recurring jobs registered: {Jobs}", string.Join(", ", all.Select(s => $"{s.JobId} {(s.Enabled ? s.Cron : "off")}")));
    }

    /// <summary>The schedules with their next run as Hangfire has them.</summary>
    public async Task<IReadOnlyList<ScheduleView>> ListAsync(CancellationToken ct = default)
    {
        var stored = await schedules.ListAsync(ct);
        var registered = RegisteredJobs();
        return JobIds
            .Select(id => stored.FirstOrDefault(s => s.JobId == id) is { } schedule ? View(schedule, registered) : null)
            .OfType<ScheduleView>()
            .ToList();
    }

    /// <summary>Checks a five-field cron expression (minute hour day month weekday, UTC); returns what is wrong, or null.</summary>
    public static string? Validate(string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron))
        {
            return "Enter a cron expression, such as 0 3 * * * for every day at 03:00 UTC.";
        }

        var fields = cron.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5 && !cron.TrimStart().StartsWith('@'))
        {
            return $"“{cron.Trim()}” has {fields.Length} field{(fields.Length == 1 ? "" : "s")}; a schedule needs five: minute, hour, day of the month, month and day of the week (UTC), such as 0 3 * * *.";
        }

        try
        {
            CronExpression.Parse(cron.Trim());
            return null;
        }
        catch (CronFormatException ex)
        {
            return $"“{cron.Trim()}” is not a valid schedule: {ex.Message.TrimEnd('.')}. Use five fields — minute, hour, day of the month, month, day of the week (UTC) — such as */5 * * * * for every 5 minutes.";
        }
    }

    /// <summary>The next time a cron expression fires after now (UTC), or null when it is invalid or never fires.</summary>
    public DateTime? NextRun(string cron) =>
        Validate(cron) is null ? CronExpression.Parse(cron.Trim()).GetNextOccurrence(time.GetUtcNow().UtcDateTime) : null;

    /// <summary>Validates, stores and registers a schedule. The caller has checked the staff member's permission.</summary>
    public async Task<ScheduleChange> SaveAsync(string jobId, string cron, bool enabled, string by, CancellationToken ct = default)
    {
        if (!JobIds.Contains(jobId))
        {
            return new ScheduleChange(null, $"There is no recurring job called “{jobId}”.");
        }

        if (Validate(cron) is { } error)
        {
            return new ScheduleChange(null, error);
        }

        var schedule = await schedules.SaveAsync(jobId, cron.Trim(), enabled, by, ct);
        Register(jobId, schedule.Cron, schedule.Enabled);
        log.LogInformation("{By} set the schedule of {Job} to {Cron} ({State})", by, jobId, schedule.Cron, schedule.Enabled ? "on" : "off");
        return new ScheduleChange(View(schedule, RegisteredJobs()), null);
    }

    /// <summary>Queues a run of the job now, for a member of staff; returns Hangfire's job id.</summary>
    public string Enqueue(string jobId, string requestedBy) => jobId switch
    {
        RetrainJobId => jobs.Enqueue<RetrainModelJob>(job => job.RunAsync("manual", requestedBy, CancellationToken.None)),
        PopularityRefreshJobId => jobs.Enqueue<RefreshPopularityJob>(job => job.RunAsync("manual", requestedBy, CancellationToken.None)),
        _ => throw new ArgumentException($"There is no job called “{jobId}”.", nameof(jobId)),
    };

    /// <summary>True while a manual or scheduled run of the job waits in the queue or is being processed.</summary>
    public bool IsQueuedOrRunning(string jobId)
    {
        var monitor = storage.GetMonitoringApi();
        var type = jobId == RetrainJobId ? typeof(RetrainModelJob) : typeof(RefreshPopularityJob);
        var processing = monitor.ProcessingJobs(0, 50).Any(j => j.Value.Job?.Type == type);
        var enqueued = monitor.Queues().Any(q => monitor.EnqueuedJobs(q.Name, 0, 50).Any(j => j.Value.Job?.Type == type && j.Value.InEnqueuedState));
        return processing || enqueued;
    }

    private void Register(string jobId, string cron, bool enabled)
    {
        if (!enabled)
        {
            recurring.RemoveIfExists(jobId);
            return;
        }

        var options = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        switch (jobId)
        {
            case RetrainJobId:
                recurring.AddOrUpdate<RetrainModelJob>(jobId, job => job.RunAsync("schedule", null, CancellationToken.None), cron, options);
                break;
            case PopularityRefreshJobId:
                recurring.AddOrUpdate<RefreshPopularityJob>(jobId, job => job.RunAsync("schedule", null, CancellationToken.None), cron, options);
                break;
        }
    }

    private Dictionary<string, RecurringJobDto> RegisteredJobs()
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs([.. JobIds]).Where(j => !j.Removed).ToDictionary(j => j.Id);
    }

    private ScheduleView View(TrainingSchedule schedule, Dictionary<string, RecurringJobDto> registered)
    {
        var hangfire = registered.GetValueOrDefault(schedule.JobId);
        var next = schedule.Enabled ? hangfire?.NextExecution ?? NextRun(schedule.Cron) : null;
        return new ScheduleView(schedule.JobId, TrainingJobs.DisplayName(schedule.JobId), schedule.Cron, schedule.Enabled, next, hangfire is not null, schedule.UpdatedBy, schedule.UpdatedAt);
    }
}

using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Engine.Catalog;
using Portal.Engine.Storage;

namespace Portal.Engine.Training;

/// <summary>
/// The history of background job runs (<see cref="TrainingRun"/>), newest first and paged, and the recording of a
/// job that is not the training pipeline (which records its own runs): <see cref="RecordAsync"/> writes a row when the
/// work starts and its outcome, duration and message when it ends.
/// </summary>
public sealed class TrainingHistory(IDbContextFactory<EngineDbContext> contexts, TimeProvider time, ILogger<TrainingHistory> log)
{
    public async Task<Page<TrainingRun>> PageAsync(int pageIndex, int pageSize, string? job = null, CancellationToken ct = default)
    {
        pageIndex = Math.Max(0, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, 200);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var runs = db.TrainingRuns.AsNoTracking();
        if (!string.IsNullOrEmpty(job))
        {
            runs = runs.Where(r => r.Job == job);
        }

        var total = await runs.CountAsync(ct);
        var items = await runs.OrderByDescending(r => r.Id).Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<TrainingRun>(items, total, pageIndex, pageSize);
    }

    /// <summary>The latest run of a job, or null when it never ran.</summary>
    public async Task<TrainingRun?> LatestAsync(string job, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TrainingRuns.AsNoTracking().Where(r => r.Job == job).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/> as one recorded run of <paramref name="job"/>: its message is what the work returns.
    /// A failure or cancellation is recorded and thrown again, so the caller (a job runner) can retry.
    /// </summary>
    public async Task<TrainingRun> RecordAsync(string job, string trigger, string? requestedBy, Func<CancellationToken, Task<string>> work, CancellationToken ct = default)
    {
        var run = new TrainingRun { Job = job, Trigger = trigger, RequestedBy = requestedBy, StartedAt = Now(), HeartbeatAt = Now(), Outcome = TrainingOutcome.Running };
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.TrainingRuns.Add(run);
            await db.SaveChangesAsync(ct);
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var message = await work(ct);
            await FinishAsync(run, TrainingOutcome.Succeeded, message, clock.Elapsed);
            return run;
        }
        catch (Exception ex)
        {
            var cancelled = ex is OperationCanceledException && ct.IsCancellationRequested;
            log.LogError(ex, "The {Job} run {Run} {Outcome}", job, run.Id, cancelled ? "was cancelled" : "failed");
            await FinishAsync(run, cancelled ? TrainingOutcome.Cancelled : TrainingOutcome.Failed, cancelled ? "Cancelled." : $"Failed: {ex.Message}", clock.Elapsed);
            throw;
        }
    }

    private async Task FinishAsync(TrainingRun run, TrainingOutcome outcome, string message, TimeSpan elapsed)
    {
        run.FinishedAt = Now();
        run.Outcome = outcome;
        run.Message = message;
        run.StepsJson = JsonSerializer.Serialize(new[] { new TrainingStep(run.Job, Math.Round(elapsed.TotalSeconds, 2)) }, ModelStore.Json);
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        db.TrainingRuns.Update(run);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private DateTime Now()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }
}

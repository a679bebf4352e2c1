using Microsoft.EntityFrameworkCore;
using Portal.Engine.Storage;

namespace Portal.Engine.Training;

/// <summary>
/// The recurring jobs' schedules as staff set them (<see cref="TrainingSchedule"/>), kept in the engine database so
/// that a host whose job storage forgets them on restart can register them again. It stores; it does not judge cron
/// expressions (the host that runs the jobs validates them with its own parser).
/// </summary>
public sealed class TrainingScheduleStore(IDbContextFactory<EngineDbContext> contexts, TimeProvider time)
{
    public async Task<IReadOnlyList<TrainingSchedule>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TrainingSchedules.AsNoTracking().OrderBy(s => s.JobId).ToListAsync(ct);
    }

    public async Task<TrainingSchedule?> GetAsync(string jobId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TrainingSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.JobId == jobId, ct);
    }

    /// <summary>Adds the schedules that are missing (by job id) and leaves those staff already set alone; returns all of them.</summary>
    public async Task<IReadOnlyList<TrainingSchedule>> EnsureAsync(IEnumerable<(string JobId, string Cron)> defaults, string by, CancellationToken ct = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var existing = await db.TrainingSchedules.Select(s => s.JobId).ToListAsync(ct);
            foreach (var (jobId, cron) in defaults.Where(d => !existing.Contains(d.JobId)))
            {
                db.TrainingSchedules.Add(new TrainingSchedule { JobId = jobId, Cron = cron, Enabled = true, UpdatedBy = by, UpdatedAt = Now() });
            }

            await db.SaveChangesAsync(ct);
        }

        return await ListAsync(ct);
    }

    /// <summary>Stores a job's schedule (creating it when it is new) and returns it as stored.</summary>
    public async Task<TrainingSchedule> SaveAsync(string jobId, string cron, bool enabled, string by, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var schedule = await db.TrainingSchedules.SingleOrDefaultAsync(s => s.JobId == jobId, ct);
        if (schedule is null)
        {
            db.TrainingSchedules.Add(schedule = new TrainingSchedule { JobId = jobId });
        }

        schedule.Cron = cron.Trim();
        schedule.Enabled = enabled;
        schedule.UpdatedBy = by;
        schedule.UpdatedAt = Now();
        await db.SaveChangesAsync(ct);
        return schedule;
    }

    private DateTime Now()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }
}

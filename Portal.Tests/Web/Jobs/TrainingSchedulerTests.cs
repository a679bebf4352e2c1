using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Portal.Engine.Training;
using Portal.Jobs;

namespace Portal.Tests.Web.Jobs;

public sealed class TrainingSchedulerTests(SeededPortalAppFactory factory) : IClassFixture<SeededPortalAppFactory>
{
    [Theory]
    [InlineData("0 3 * * *")]
    [InlineData("*/5 * * * *")]
    [InlineData("15 2 * * 1-5")]
    public void Validate_FiveFieldCron_IsAccepted(string cron) => Assert.Null(TrainingScheduler.Validate(cron));

    [Theory]
    [InlineData("", "Enter a cron expression")]
    [InlineData("every day", "has 2 fields")]
    [InlineData("0 3 * *", "has 4 fields")]
    [InlineData("61 * * * *", "is not a valid schedule")]
    [InlineData("0 25 * * *", "is not a valid schedule")]
    public void Validate_BadCron_SaysWhatIsWrong(string cron, string expected)
    {
        var error = TrainingScheduler.Validate(cron);

        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SeedsTheDefaultSchedules_AndRegistersThemWithHangfire()
    {
        var schedules = await factory.Services.GetRequiredService<TrainingScheduleStore>().ListAsync();
        var registered = Registered();

        Assert.Contains(schedules, s => s.JobId == TrainingScheduler.RetrainJobId);
        Assert.Contains(schedules, s => s.JobId == TrainingScheduler.PopularityRefreshJobId);
        foreach (var schedule in schedules.Where(s => s.Enabled))
        {
            Assert.Equal(schedule.Cron, registered[schedule.JobId].Cron);
            Assert.NotNull(registered[schedule.JobId].NextExecution);
        }
    }

    [Fact]
    public async Task SaveAsync_BadCron_IsRefusedWithItsMessageAndNothingChanges()
    {
        var scheduler = factory.Services.GetRequiredService<TrainingScheduler>();
        var before = await scheduler.ListAsync();

        var change = await scheduler.SaveAsync(TrainingScheduler.RetrainJobId, "0 3 * * * * * *", true, "pm@portal.test");

        Assert.False(change.Succeeded);
        Assert.Contains("a schedule needs five", change.Error, StringComparison.Ordinal);
        Assert.Equal(before, await scheduler.ListAsync());
    }

    [Fact]
    public async Task SaveAsync_NewCron_IsStoredRegisteredAndRegisteredAgainAfterARestart()
    {
        var scheduler = factory.Services.GetRequiredService<TrainingScheduler>();
        var recurring = factory.Services.GetRequiredService<IRecurringJobManager>();
        var store = factory.Services.GetRequiredService<TrainingScheduleStore>();
        var original = (await store.GetAsync(TrainingScheduler.RetrainJobId))!;
        try
        {
            var change = await scheduler.SaveAsync(TrainingScheduler.RetrainJobId, " 30 4 * * * ", true, "pm@portal.test");

            Assert.True(change.Succeeded, change.Error);
            Assert.Equal("30 4 * * *", (await store.GetAsync(TrainingScheduler.RetrainJobId))!.Cron);
            Assert.Equal("pm@portal.test", change.Schedule!.UpdatedBy);
            Assert.Equal("30 4 * * *", Registered()[TrainingScheduler.RetrainJobId].Cron);

            // In-memory storage forgets everything on a restart: registering from the database brings the staff's schedule back.
            recurring.RemoveIfExists(TrainingScheduler.RetrainJobId);
            Assert.False(Registered().ContainsKey(TrainingScheduler.RetrainJobId));
            await scheduler.RegisterAllAsync();
            Assert.Equal("30 4 * * *", Registered()[TrainingScheduler.RetrainJobId].Cron);

            var off = await scheduler.SaveAsync(TrainingScheduler.RetrainJobId, "30 4 * * *", false, "pm@portal.test");
            Assert.True(off.Succeeded);
            Assert.Null(off.Schedule!.NextRun);
            Assert.False(Registered().ContainsKey(TrainingScheduler.RetrainJobId));
        }
        finally
        {
            await scheduler.SaveAsync(original.JobId, original.Cron, original.Enabled, original.UpdatedBy);
        }
    }

    [Fact]
    public async Task RefreshPopularityJob_RunDirectly_RecordsASucceededRun()
    {
        var history = factory.Services.GetRequiredService<TrainingHistory>();
        await using var scope = factory.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<RefreshPopularityJob>();

        await job.RunAsync("manual", "pm@portal.test", CancellationToken.None);
        await job.RunAsync("manual", "pm@portal.test", CancellationToken.None);

        var page = await history.PageAsync(0, 10, TrainingJobs.PopularityRefresh);
        var run = page.Items[0];
        Assert.True(page.Total >= 2);
        Assert.Equal(TrainingOutcome.Succeeded, run.Outcome);
        Assert.Equal("manual", run.Trigger);
        Assert.Equal("pm@portal.test", run.RequestedBy);
        Assert.NotNull(run.FinishedAt);
        Assert.Contains("rebuilt from", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enqueue_PopularityRefreshThroughHangfire_SucceedsOnTheInProcessServer()
    {
        var scheduler = factory.Services.GetRequiredService<TrainingScheduler>();
        var storage = factory.Services.GetRequiredService<JobStorage>();

        var id = scheduler.Enqueue(TrainingScheduler.PopularityRefreshJobId, "admin@portal.test");

        var state = await WaitForFinalStateAsync(storage, id);
        Assert.Equal("Succeeded", state);
        var latest = await factory.Services.GetRequiredService<TrainingHistory>().LatestAsync(TrainingJobs.PopularityRefresh);
        Assert.Equal("admin@portal.test", latest!.RequestedBy);
    }

    [Fact]
    public void AddPortalJobs_TurnsTheEnginesOwnRefreshTimerOff()
    {
        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Portal.Engine.Candidates.CandidatesOptions>>().Value;

        Assert.False(options.BackgroundRefresh);
    }

    internal static async Task<string?> WaitForFinalStateAsync(JobStorage storage, string id, int seconds = 60)
    {
        string? state = null;
        for (var waited = 0; waited < seconds * 10; waited++)
        {
            using (var connection = storage.GetConnection())
            {
                state = connection.GetStateData(id)?.Name;
            }

            if (state is "Succeeded" or "Failed" or "Deleted")
            {
                return state;
            }

            await Task.Delay(100);
        }

        return state;
    }

    private Dictionary<string, RecurringJobDto> Registered()
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().Where(j => !j.Removed).ToDictionary(j => j.Id);
    }
}

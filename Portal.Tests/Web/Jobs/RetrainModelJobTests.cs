using Microsoft.Extensions.DependencyInjection;
using Portal.Engine.Training;
using Portal.Jobs;

namespace Portal.Tests.Web.Jobs;

public sealed class RetrainModelJobTests(SeededPortalAppFactory factory) : IClassFixture<SeededPortalAppFactory>
{
    [Fact]
    public async Task RunAsync_WhileAnotherRunTrains_LogsAndReturnsWithoutAnError()
    {
        var pipeline = factory.Services.GetRequiredService<TrainingPipeline>();
        var history = factory.Services.GetRequiredService<TrainingHistory>();
        var before = (await history.PageAsync(0, 1, TrainingJobs.Retrain)).Total;
        var running = Task.Run(() => pipeline.RunAsync("cli", "someone@portal.test"));
        while (!pipeline.IsRunning && !running.IsCompleted)
        {
            await Task.Delay(5);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RetrainModelJob>().RunAsync("manual", "pm@portal.test", CancellationToken.None);
        var first = await running;

        var retrains = await history.PageAsync(0, 10, TrainingJobs.Retrain);
        Assert.Equal(before + 1, retrains.Total);
        Assert.Equal(first.RunId, retrains.Items[0].Id);
    }

    [Fact]
    public async Task RunAsync_FailedRun_ThrowsSoThatHangfireRecordsAndRetriesIt()
    {
        var pipeline = factory.Services.GetRequiredService<TrainingPipeline>();
        pipeline.FailAtStep = "data";
        try
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var job = scope.ServiceProvider.GetRequiredService<RetrainModelJob>();

            var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => job.RunAsync("schedule", null, CancellationToken.None));

            Assert.Contains("Simulated failure in the data step", thrown.Message, StringComparison.Ordinal);
            var latest = await factory.Services.GetRequiredService<TrainingHistory>().LatestAsync(TrainingJobs.Retrain);
            Assert.Equal(TrainingOutcome.Failed, latest!.Outcome);
            Assert.Equal("schedule", latest.Trigger);
        }
        finally
        {
            pipeline.FailAtStep = null;
        }
    }
}

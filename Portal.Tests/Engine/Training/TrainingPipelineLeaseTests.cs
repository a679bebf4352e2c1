using Microsoft.EntityFrameworkCore;
using Portal.Engine.Instances;
using Portal.Engine.Storage;
using Portal.Engine.Training;

namespace Portal.Tests.Engine.Training;

/// <summary>Two instances on one database never train at once: a run holds the training lease.</summary>
public sealed class TrainingPipelineLeaseTests
{
    [Theory, EachProvider]
    public async Task Run_WhileAnotherInstanceHoldsTheLease_IsRefusedAndStartsNothing(DatabaseProvider provider)
    {
        await using var a = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        await using var b = await a.AttachInstanceAsync();
        await b.StartEngineAsync();
        var holderA = a.Get<EngineInstance>().Id;
        Assert.NotEqual(holderA, b.Get<EngineInstance>().Id);

        // A run on A holds the lease for as long as it runs.
        Assert.True(await a.Get<LeaseStore>().TryAcquireAsync(TrainingPipeline.LeaseName, holderA, TimeSpan.FromSeconds(60)));

        await Assert.ThrowsAsync<TrainingAlreadyRunningException>(() => b.Get<TrainingPipeline>().RunAsync("schedule"));
        await using (var db = await b.Contexts.CreateDbContextAsync())
        {
            Assert.Equal(0, await db.TrainingRuns.CountAsync());
        }

        Assert.False(b.Get<TrainingPipeline>().IsRunning);

        // Once A's run ends (the lease is released), B trains, and gives the lease back at the end.
        await a.Get<LeaseStore>().ReleaseAsync(TrainingPipeline.LeaseName, holderA);
        var result = await b.Get<TrainingPipeline>().RunAsync("schedule");
        Assert.Contains(result.Outcome, new[] { TrainingOutcome.Succeeded, TrainingOutcome.NotPromoted });
        Assert.Null(await a.Get<LeaseStore>().HolderAsync(TrainingPipeline.LeaseName));
    }

    [Theory, EachProvider]
    public async Task Run_AfterTheHoldersLeaseExpired_TakesItOver(DatabaseProvider provider)
    {
        await using var a = await EngineTestDatabase.CreateSeededAsync(provider: provider);
        await using var b = await a.AttachInstanceAsync();
        await b.StartEngineAsync();
        var holderA = a.Get<EngineInstance>().Id;
        Assert.True(await a.Get<LeaseStore>().TryAcquireAsync(TrainingPipeline.LeaseName, holderA, TimeSpan.FromSeconds(60)));
        await Assert.ThrowsAsync<TrainingAlreadyRunningException>(() => b.Get<TrainingPipeline>().RunAsync("schedule"));

        // A died: it stops renewing, and its lease runs out on B's clock (not a second before).
        b.Clock.Advance(TimeSpan.FromSeconds(59));
        await Assert.ThrowsAsync<TrainingAlreadyRunningException>(() => b.Get<TrainingPipeline>().RunAsync("schedule"));
        b.Clock.Advance(TimeSpan.FromSeconds(2));
        var result = await b.Get<TrainingPipeline>().RunAsync("schedule");

        Assert.Contains(result.Outcome, new[] { TrainingOutcome.Succeeded, TrainingOutcome.NotPromoted });
        Assert.False(await a.Get<LeaseStore>().RenewAsync(TrainingPipeline.LeaseName, holderA, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void Options_LeaseOutOfRange_IsInvalid()
    {
        var options = new TrainingOptions { LeaseSeconds = 5 };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(TrainingOptions.LeaseSeconds)));
        options.LeaseSeconds = 60;
        Assert.True(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results = [], validateAllProperties: true));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Engine.Storage;
using Portal.Engine.Synthetic;

namespace Portal.Tests.Engine.Synthetic;

public sealed class FirstStartWorldServiceTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Engine:World:SeedOnFirstStart"] = "true",
        ["Engine:World:Preset"] = "tiny",
        ["Engine:World:TrainOnFirstStart"] = "false",
    };

    /// <summary>Two instances starting together on one empty database prepare the world once, and both say it is ready.</summary>
    [Theory, EachProvider]
    public async Task Start_TwoInstancesOnAnEmptyDatabase_SeedTheWorldOnceAndBothAreReady(DatabaseProvider provider)
    {
        await using var a = await EngineTestDatabase.CreateAsync(Settings, provider);
        await using var b = await a.AttachInstanceAsync(Settings);
        var services = new[] { a, b }.Select(i => ActivatorUtilities.CreateInstance<FirstStartWorldService>(i.Services)).ToList();

        await Task.WhenAll(services.Select(s => s.StartAsync(CancellationToken.None)));
        await Task.WhenAll(services.Select(s => s.ExecuteTask!)).WaitAsync(TimeSpan.FromMinutes(2));

        foreach (var instance in new[] { a, b })
        {
            var preparation = instance.Get<WorldPreparation>();
            Assert.True(preparation.Status == WorldPreparationStatus.Ready, $"{preparation.Status}: {preparation.Stage} {preparation.Error}");
        }

        await using var db = await a.Get<IDbContextFactory<EngineDbContext>>().CreateDbContextAsync();
        Assert.Equal(WorldPresets.Tiny.Videos, await db.Videos.CountAsync());
        Assert.Null(await a.Get<LeaseStore>().HolderAsync(FirstStartWorldService.LeaseName));
        await Task.WhenAll(services.Select(s => s.StopAsync(CancellationToken.None)));
    }
}

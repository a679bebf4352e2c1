using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Engine.Evaluation;
using Portal.Engine.Feed;
using Portal.Engine.Primitives;
using Portal.Engine.Storage;
using Portal.Engine.Training;

namespace Portal.Engine.Synthetic;

/// <summary>
/// On start, when the engine database holds no catalog and <see cref="WorldOptions.SeedOnFirstStart"/> is on, prepares
/// the demo in the background and reports progress through <see cref="WorldPreparation"/>: generates the configured
/// world (0–60 %), lets a few simulated users take batches from the live pipeline so that the served log has
/// impressions to learn from (60–75 %), and trains the first model (75–100 %). Staff can use the portal throughout.
/// Instances that start together on one empty database prepare it once: whoever holds the <see cref="LeaseName"/>
/// lease does the work; the others wait for it to let go and then serve what it made.
/// </summary>
public sealed class FirstStartWorldService(
    IDbContextFactory<EngineDbContext> contexts,
    WorldSeeder seeder,
    ServingState serving,
    Simulator simulator,
    TrainingPipeline training,
    TrainingProgress trainingProgress,
    WorldPreparation preparation,
    LeaseStore leases,
    Instances.EngineInstance instance,
    IOptions<WorldOptions> options,
    ILogger<FirstStartWorldService> log) : BackgroundService
{
    /// <summary>The lease held while one instance prepares the first world.</summary>
    public const string LeaseName = "first-world";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var world = options.Value;
        WorldPresets.TryGet(world.Preset, out var preset);
        var leased = false;
        try
        {
            if (!world.SeedOnFirstStart || !await IsEmptyAsync(stoppingToken))
            {
                preparation.Report(WorldPreparationStatus.Ready, preset.Name, "ready", 100);
                return;
            }

            leased = await leases.TryAcquireAsync(LeaseName, instance.Id, LeaseDuration, stoppingToken);
            if (!leased)
            {
                preparation.Report(WorldPreparationStatus.Preparing, preset.Name, "another instance is preparing the world", 0);
                while (await leases.HolderAsync(LeaseName, stoppingToken) is not null)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }

                preparation.Report(WorldPreparationStatus.Ready, preset.Name, "ready", 100);
                return;
            }

            if (!await IsEmptyAsync(stoppingToken))
            {
                // Another instance prepared it between the first look and the lease.
                preparation.Report(WorldPreparationStatus.Ready, preset.Name, "ready", 100);
                return;
            }

            preparation.Report(WorldPreparationStatus.Preparing, preset.Name, "starting", 0);
            // Reported synchronously, on the seeding thread: a Progress<T> would post to the thread pool and a late
            // "100 %" could land after "ready" and leave the portal saying it is still preparing.
            var progress = new SynchronousProgress<WorldSeedProgress>(p => preparation.Report(WorldPreparationStatus.Preparing, preset.Name, p.Stage, p.Percent * (world.TrainOnFirstStart ? 0.6 : 0.999)));
            await seeder.SeedAsync(preset, world.Seed, force: false, progress, ct: stoppingToken);
            if (world.TrainOnFirstStart)
            {
                await WarmUpAndTrainAsync(preset, world, stoppingToken);
            }

            preparation.Report(WorldPreparationStatus.Ready, preset.Name, "ready", 100);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (WorldAlreadySeededException)
        {
            preparation.Report(WorldPreparationStatus.Ready, preset.Name, "ready", 100);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Preparing the {Preset} world failed", preset.Name);
            preparation.Report(WorldPreparationStatus.Failed, preset.Name, "failed", preparation.Percent, ex.Message);
        }
        finally
        {
            if (leased)
            {
                try
                {
                    await leases.ReleaseAsync(LeaseName, instance.Id, CancellationToken.None);
                }
                catch (Exception ex)
                {
                    log.LogWarning(ex, "Letting go of the {Lease} lease failed; it expires by itself", LeaseName);
                }
            }
        }
    }

    private async Task<bool> IsEmptyAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return !await db.Videos.AnyAsync(ct) && !await db.Users.AnyAsync(ct);
    }

    private async Task WarmUpAndTrainAsync(WorldPreset preset, WorldOptions world, CancellationToken ct)
    {
        preparation.Report(WorldPreparationStatus.Preparing, preset.Name, "loading the engine", 60);
        await serving.WaitUntilCurrentAsync(ct);

        if (world.WarmUpUsers > 0)
        {
            var warmUp = new SynchronousProgress<double>(p => preparation.Report(WorldPreparationStatus.Preparing, preset.Name, "first simulated users", 60 + 0.15 * p));
            await simulator.RunAsync(new SimulationOptions(world.WarmUpUsers, world.WarmUpBatches, world.Seed), warmUp, "first start", ct);
        }

        void OnTraining() => preparation.Report(WorldPreparationStatus.Preparing, preset.Name, "training the first model: " + trainingProgress.Step, 75 + 0.25 * Math.Min(trainingProgress.Percent, 99.6));
        trainingProgress.Changed += OnTraining;
        try
        {
            var result = await training.RunAsync("first-start", "system", ct: ct);
            log.LogInformation("First model {Version}: {Decision}", result.Version, result.Decision);
        }
        finally
        {
            trainingProgress.Changed -= OnTraining;
        }
    }
}

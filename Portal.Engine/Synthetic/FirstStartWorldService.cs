using Portal.Engine.Primitives;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Engine.Storage;

namespace Portal.Engine.Synthetic;

/// <summary>
/// On start, when the engine database holds no catalog and <see cref="WorldOptions.SeedOnFirstStart"/> is on,
/// generates the configured world in the background and reports progress through <see cref="WorldPreparation"/>.
/// </summary>
public sealed class FirstStartWorldService(
    IDbContextFactory<EngineDbContext> contexts,
    WorldSeeder seeder,
    WorldPreparation preparation,
    IOptions<WorldOptions> options,
    ILogger<FirstStartWorldService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var world = options.Value;
        WorldPresets.TryGet(world.Preset, out var preset);
        try
        {
            bool empty;
            await using (var db = await contexts.CreateDbContextAsync(stoppingToken))
            {
                empty = !await db.Videos.AnyAsync(stoppingToken) && !await db.Users.AnyAsync(stoppingToken);
            }

            if (!empty || !world.SeedOnFirstStart)
            {
                preparation.Report(WorldPreparationStatus.Ready, preset.Name, "ready", 100);
                return;
            }

            preparation.Report(WorldPreparationStatus.Preparing, preset.Name, "starting", 0);
            // Reported synchronously, on the seeding thread: a Progress<T> would post to the thread pool and a late
            // "100 %" could land after "ready" and leave the portal saying it is still preparing.
            var progress = new SynchronousProgress<WorldSeedProgress>(p => preparation.Report(WorldPreparationStatus.Preparing, preset.Name, p.Stage, Math.Min(p.Percent, 99.9)));
            await seeder.SeedAsync(preset, world.Seed, force: false, progress, ct: stoppingToken);
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
    }
}

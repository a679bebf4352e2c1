using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Auth;
using Portal.Engine.Evaluation;
using Portal.Engine.Training;
using Portal.Jobs;

namespace Portal.Components.Pages.Training;

/// <summary>
/// What the Training, Clusters and Evaluation pages change, for a member of staff, after checking on the server that
/// their roles allow it (<see cref="Policies.ManageTraining"/>: Admin or Product manager): running jobs now, editing
/// schedules, promoting and rolling back model versions, renaming clusters and running simulations. A hidden button
/// is not a permission check. What is recorded as "by" is the staff member's sign-in email.
/// </summary>
public sealed class TrainingActions(
    TrainingScheduler scheduler,
    TrainingPipeline pipeline,
    ModelRegistry registry,
    Simulator simulator,
    IAuthorizationService authorization,
    ILogger<TrainingActions> log)
{
    public const string PermissionMessage = "This needs the Admin or Product manager role; nothing was changed.";

    public async Task<bool> CanManageAsync(ClaimsPrincipal staff) =>
        staff.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(staff, Policies.ManageTraining)).Succeeded;

    /// <summary>Queues a run of a job (retrain or popularity refresh) now.</summary>
    public async Task<TrainingActionResult> RunNowAsync(ClaimsPrincipal staff, string jobId)
    {
        if (!await CanManageAsync(staff))
        {
            return Refused(staff, $"run {jobId}");
        }

        if (!TrainingScheduler.JobIds.Contains(jobId))
        {
            return TrainingActionResult.Refused($"There is no job called “{jobId}”.");
        }

        if (jobId == TrainingScheduler.RetrainJobId && (pipeline.IsRunning || scheduler.IsQueuedOrRunning(jobId)))
        {
            return TrainingActionResult.Refused("A training run is already queued or in progress; its progress shows above.");
        }

        var id = scheduler.Enqueue(jobId, Author(staff));
        log.LogInformation("{By} queued {Job} (Hangfire job {Id})", Author(staff), jobId, id);
        return TrainingActionResult.Done(jobId == TrainingScheduler.RetrainJobId
            ? "Training is queued; it starts in a moment and its progress shows above."
            : "The popularity refresh is queued; it appears in the history when it is done.");
    }

    public async Task<ScheduleChange> SaveScheduleAsync(ClaimsPrincipal staff, string jobId, string cron, bool enabled)
    {
        if (!await CanManageAsync(staff))
        {
            Refused(staff, $"change the schedule of {jobId}");
            return new ScheduleChange(null, PermissionMessage);
        }

        return await scheduler.SaveAsync(jobId, cron, enabled, Author(staff));
    }

    public async Task<TrainingActionResult> PromoteAsync(ClaimsPrincipal staff, int versionId, string reason)
    {
        if (!await CanManageAsync(staff))
        {
            return Refused(staff, $"promote model version {versionId}");
        }

        var result = await registry.PromoteAsync(versionId, Author(staff), reason);
        return new TrainingActionResult(result.Succeeded, result.Message);
    }

    public async Task<TrainingActionResult> RollbackAsync(ClaimsPrincipal staff, string reason)
    {
        if (!await CanManageAsync(staff))
        {
            return Refused(staff, "roll back the model");
        }

        var result = await registry.RollbackAsync(Author(staff), reason);
        return new TrainingActionResult(result.Succeeded, result.Message);
    }

    /// <summary>Names a video cluster of a model version (the name carries over to later versions by membership).</summary>
    public async Task<TrainingActionResult> RenameClusterAsync(ClaimsPrincipal staff, int versionId, int cluster, string name)
    {
        if (!await CanManageAsync(staff))
        {
            return Refused(staff, $"rename cluster {cluster} of model version {versionId}");
        }

        var error = await registry.RenameClusterAsync(versionId, cluster, name, Author(staff));
        return error is null ? TrainingActionResult.Done($"The cluster is now called “{name.Trim()}”.") : TrainingActionResult.Refused(error);
    }

    /// <summary>Runs the simulator: new users are registered and their events stored, like real ones.</summary>
    /// <exception cref="WorldTruthMissingException">The data was imported: there is no hidden truth to react with.</exception>
    public async Task<(SimulationReport? Report, TrainingActionResult Result)> SimulateAsync(ClaimsPrincipal staff, int users, int batches, IProgress<double>? progress, CancellationToken ct)
    {
        if (!await CanManageAsync(staff))
        {
            return (null, Refused(staff, "run a simulation"));
        }

        if (users is < 1 or > 2_000 || batches is < 1 or > 50)
        {
            return (null, TrainingActionResult.Refused("Simulate between 1 and 2,000 users, each taking between 1 and 50 batches."));
        }

        var report = await simulator.RunAsync(new SimulationOptions(users, batches, Environment.TickCount), progress, Author(staff), ct);
        log.LogInformation("{By} ran a simulation of {Users} users × {Batches} batches", Author(staff), users, batches);
        return (report, TrainingActionResult.Done($"{users} simulated users took {batches} batches each; {report.EventsIngested:N0} events were stored."));
    }

    private static string Author(ClaimsPrincipal staff) => staff.Identity?.Name ?? "";

    private TrainingActionResult Refused(ClaimsPrincipal staff, string action)
    {
        log.LogWarning("{Staff} tried to {Action} without the {Policy} permission", staff.Identity?.Name ?? "someone not signed in", action, Policies.ManageTraining);
        return TrainingActionResult.Refused(PermissionMessage);
    }
}

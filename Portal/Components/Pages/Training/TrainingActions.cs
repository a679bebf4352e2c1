using System.Security.Claims;
using Portal.Audit;
using Portal.Auth;
using Portal.Engine.Evaluation;
using Portal.Engine.Training;
using Portal.Jobs;

namespace Portal.Components.Pages.Training;

/// <summary>
/// What the Training, Clusters and Evaluation pages change, for a member of staff, after checking on the server that
/// their roles allow it (<see cref="Policies.ManageTraining"/>: Admin or Product manager): running jobs now, editing
/// schedules, promoting and rolling back model versions, renaming clusters and running simulations. A hidden button
/// is not a permission check. What is recorded as "by" is the staff member's sign-in email; every change and every
/// refusal goes to the audit trail. The overloads that take a <see cref="ClaimsPrincipal"/> are the pages': they add
/// the circuit's client address.
/// </summary>
public sealed class TrainingActions(
    TrainingScheduler scheduler,
    TrainingPipeline pipeline,
    ModelRegistry registry,
    Simulator simulator,
    StaffAuthorization authorization,
    IAuditTrail audit,
    CurrentStaff current,
    ILogger<TrainingActions> log)
{
    public const string PermissionMessage = "This needs the Admin or Product manager role; nothing was changed.";

    public Task<bool> CanManageAsync(ClaimsPrincipal staff) => authorization.AllowsAsync(staff, Policies.ManageTraining);

    public Task<TrainingActionResult> RunNowAsync(ClaimsPrincipal staff, string jobId) => RunNowAsync(Caller(staff), jobId);

    public Task<ScheduleChange> SaveScheduleAsync(ClaimsPrincipal staff, string jobId, string cron, bool enabled) => SaveScheduleAsync(Caller(staff), jobId, cron, enabled);

    public Task<TrainingActionResult> PromoteAsync(ClaimsPrincipal staff, int versionId, string reason) => PromoteAsync(Caller(staff), versionId, reason);

    public Task<TrainingActionResult> RollbackAsync(ClaimsPrincipal staff, string reason) => RollbackAsync(Caller(staff), reason);

    public Task<TrainingActionResult> RenameClusterAsync(ClaimsPrincipal staff, int versionId, int cluster, string name) => RenameClusterAsync(Caller(staff), versionId, cluster, name);

    public Task<(SimulationReport? Report, TrainingActionResult Result)> SimulateAsync(ClaimsPrincipal staff, int users, int batches, IProgress<double>? progress, CancellationToken ct) =>
        SimulateAsync(Caller(staff), users, batches, progress, ct);

    /// <summary>Queues a run of a job (retrain or popularity refresh) now.</summary>
    public async Task<TrainingActionResult> RunNowAsync(StaffCaller caller, string jobId)
    {
        if (!await authorization.DemandAsync(caller, Policies.ManageTraining, $"run {jobId} now", $"job:{jobId}"))
        {
            return TrainingActionResult.Refused(PermissionMessage);
        }

        if (!TrainingScheduler.JobIds.Contains(jobId))
        {
            return TrainingActionResult.Refused($"There is no job called “{jobId}”.");
        }

        if (jobId == TrainingScheduler.RetrainJobId && (pipeline.IsRunning || scheduler.IsQueuedOrRunning(jobId)))
        {
            return TrainingActionResult.Refused("A training run is already queued or in progress; its progress shows above.");
        }

        var id = scheduler.Enqueue(jobId, caller.Name);
        log.LogInformation("{By} queued {Job} (Hangfire job {Id})", caller.Name, jobId, id);
        await audit.AppendAsync(new AuditRecord(caller.Actor, AuditActions.TrainingStarted, $"job:{jobId}", null, $"queued as Hangfire job {id}", null));
        return TrainingActionResult.Done(jobId == TrainingScheduler.RetrainJobId
            ? "Training is queued; it starts in a moment and its progress shows above."
            : "The popularity refresh is queued; it appears in the history when it is done.");
    }

    public async Task<ScheduleChange> SaveScheduleAsync(StaffCaller caller, string jobId, string cron, bool enabled)
    {
        if (!await authorization.DemandAsync(caller, Policies.ManageTraining, $"change the schedule of {jobId}", $"job:{jobId}"))
        {
            return new ScheduleChange(null, PermissionMessage);
        }

        var before = (await scheduler.ListAsync()).FirstOrDefault(s => s.JobId == jobId);
        var change = await scheduler.SaveAsync(jobId, cron, enabled, caller.Name);
        if (change.Schedule is { } after)
        {
            await audit.AppendAsync(new AuditRecord(caller.Actor, AuditActions.ScheduleChanged, $"job:{jobId}", Describe(before), Describe(after), null));
        }

        return change;
    }

    public async Task<TrainingActionResult> PromoteAsync(StaffCaller caller, int versionId, string reason)
    {
        if (!await authorization.DemandAsync(caller, Policies.ManageTraining, $"promote model version {versionId}", $"model:{versionId}"))
        {
            return TrainingActionResult.Refused(PermissionMessage);
        }

        var before = await registry.ActiveAsync();
        var result = await registry.PromoteAsync(versionId, caller.Name, reason);
        if (result.Succeeded)
        {
            await audit.AppendAsync(new AuditRecord(caller.Actor, AuditActions.ModelPromoted, $"model:{versionId}", Describe(before), result.Version, reason));
        }

        return new TrainingActionResult(result.Succeeded, result.Message);
    }

    public async Task<TrainingActionResult> RollbackAsync(StaffCaller caller, string reason)
    {
        if (!await authorization.DemandAsync(caller, Policies.ManageTraining, "roll the model back", "model"))
        {
            return TrainingActionResult.Refused(PermissionMessage);
        }

        var before = await registry.ActiveAsync();
        var result = await registry.RollbackAsync(caller.Name, reason);
        if (result.Succeeded)
        {
            await audit.AppendAsync(new AuditRecord(caller.Actor, AuditActions.ModelRolledBack, "model", Describe(before), result.Version, reason));
        }

        return new TrainingActionResult(result.Succeeded, result.Message);
    }

    /// <summary>Names a video cluster of a model version (the name carries over to later versions by membership).</summary>
    public async Task<TrainingActionResult> RenameClusterAsync(StaffCaller caller, int versionId, int cluster, string name)
    {
        if (!await authorization.DemandAsync(caller, Policies.ManageTraining, $"rename cluster {cluster} of model version {versionId}", $"model:{versionId}:cluster:{cluster}"))
        {
            return TrainingActionResult.Refused(PermissionMessage);
        }

        var error = await registry.RenameClusterAsync(versionId, cluster, name, caller.Name);
        if (error is not null)
        {
            return TrainingActionResult.Refused(error);
        }

        await audit.AppendAsync(new AuditRecord(caller.Actor, AuditActions.ClusterRenamed, $"model:{versionId}:cluster:{cluster}", null, name.Trim(), null));
        return TrainingActionResult.Done($"The cluster is now called “{name.Trim()}”.");
    }

    /// <summary>Runs the simulator: new users are registered and their events stored, like real ones.</summary>
    /// <exception cref="WorldTruthMissingException">The data was imported: there is no hidden truth to react with.</exception>
    public async Task<(SimulationReport? Report, TrainingActionResult Result)> SimulateAsync(StaffCaller caller, int users, int batches, IProgress<double>? progress, CancellationToken ct)
    {
        if (!await authorization.DemandAsync(caller, Policies.ManageTraining, "run a simulation", "simulation", ct))
        {
            return (null, TrainingActionResult.Refused(PermissionMessage));
        }

        if (users is < 1 or > 2_000 || batches is < 1 or > 50)
        {
            return (null, TrainingActionResult.Refused("Simulate between 1 and 2,000 users, each taking between 1 and 50 batches."));
        }

        var report = await simulator.RunAsync(new SimulationOptions(users, batches, Environment.TickCount), progress, caller.Name, ct);
        log.LogInformation("{By} ran a simulation of {Users} users × {Batches} batches", caller.Name, users, batches);
        await audit.AppendAsync(new AuditRecord(caller.Actor, AuditActions.SimulationRun, "simulation", null, $"{users} users × {batches} batches, {report.EventsIngested} events stored", null), ct);
        return (report, TrainingActionResult.Done($"{users} simulated users took {batches} batches each; {report.EventsIngested:N0} events were stored."));
    }

    private StaffCaller Caller(ClaimsPrincipal staff) => new(staff, current.ClientAddress);

    private static string? Describe(ScheduleView? schedule) =>
        schedule is null ? null : $"{schedule.Cron} ({(schedule.Enabled ? "on" : "off")})";

    private static string? Describe(ModelVersionRecord? version) => version is null ? "popularity (no model)" : $"{version.Version} (#{version.Id})";
}

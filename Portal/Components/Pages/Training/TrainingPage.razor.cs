using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Portal.Auth;
using Portal.Components.Pages.Training.Components;
using Portal.Engine.Feed;
using Portal.Engine.Storage;
using Portal.Engine.Training;
using Portal.Jobs;

namespace Portal.Components.Pages.Training;

/// <summary>
/// Training: the live progress of a run (from <see cref="TrainingProgress"/>, pushed to the page as it changes), the
/// recurring jobs' schedules, the model registry (paged on the server) with details, comparison, promotion and
/// rollback, and the history of job runs (paged on the server). Changes go through <see cref="TrainingActions"/>,
/// which checks the staff member's roles again on the server.
/// </summary>
public partial class TrainingPage
{
    [Inject]
    private TrainingProgress Progress { get; set; } = default!;

    [Inject]
    private LeaseStore Leases { get; set; } = default!;

    [Inject]
    private Portal.Engine.Instances.EngineInstance Instance { get; set; } = default!;

    /// <summary>The instance training right now when it is another one (several instances on one database), else null.</summary>
    private string? _elsewhere;

    [Inject]
    private TrainingActions Actions { get; set; } = default!;

    [Inject]
    private TrainingScheduler Scheduler { get; set; } = default!;

    [Inject]
    private TrainingHistory History { get; set; } = default!;

    [Inject]
    private ModelRegistry Registry { get; set; } = default!;

    [Inject]
    private ServingState Serving { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<TrainingPage> Log { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private ClaimsPrincipal _staff = new();
    private bool _canManage;
    private bool _isAdmin;
    private bool _queued;
    private bool _wasRunning;
    private TrainingRun? _lastRun;
    private ModelVersionRecord? _active;
    private int _versionCount;
    private IReadOnlyList<ScheduleView>? _schedules;
    private string _jobFilter = "";
    private string? _error;
    private MudDataGrid<ModelVersionRecord>? _versionsGrid;
    private MudDataGrid<TrainingRun>? _runsGrid;

    private DateTime Now => Time.GetUtcNow().UtcDateTime;

    private string ServingVersion => Serving.TryGetCurrent()?.Model.Version ?? "loading…";

    protected override async Task OnInitializedAsync()
    {
        _staff = (await AuthenticationState).User;
        _canManage = await Actions.CanManageAsync(_staff);
        _isAdmin = _staff.IsInRole(StaffRoles.Admin);
        _wasRunning = Progress.Running;
        Progress.Changed += OnProgressChanged;
        await LoadSummaryAsync();
    }

    private async Task LoadSummaryAsync()
    {
        try
        {
            _schedules = await Scheduler.ListAsync();
            _lastRun = await History.LatestAsync(TrainingJobs.Retrain);
            _elsewhere = !Progress.Running && await Leases.HolderAsync(TrainingPipeline.LeaseName) is { } holder && holder != Instance.Id ? holder : null;
            _active = await Registry.ActiveAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Reading the training state failed");
            _error = "The training state could not be read just now. Reload the page in a moment.";
        }
    }

    private async Task<GridData<ModelVersionRecord>> LoadVersionsAsync(GridState<ModelVersionRecord> state, CancellationToken ct)
    {
        var page = await Registry.PageAsync(state.Page, state.PageSize, ct);
        _versionCount = page.Total;
        return new GridData<ModelVersionRecord> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task<GridData<TrainingRun>> LoadRunsAsync(GridState<TrainingRun> state, CancellationToken ct)
    {
        var page = await History.PageAsync(state.Page, state.PageSize, _jobFilter, ct);
        return new GridData<TrainingRun> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task FilterRunsAsync(string? job)
    {
        _jobFilter = job ?? "";
        if (_runsGrid is not null)
        {
            await _runsGrid.ReloadServerData();
        }
    }

    /// <summary>Progress changes arrive on the training thread (a few per step): redraw on the circuit; reload the lists when a run ends.</summary>
    private void OnProgressChanged() => _ = InvokeAsync(async () =>
    {
        var running = Progress.Running;
        var finished = _wasRunning && !running;
        _wasRunning = running;
        if (running)
        {
            _queued = false;
        }

        if (finished)
        {
            _queued = false;
            await ReloadAllAsync();
        }
        StateHasChanged();
    });

    private async Task ReloadAllAsync()
    {
        await LoadSummaryAsync();
        if (_versionsGrid is not null)
        {
            await _versionsGrid.ReloadServerData();
        }

        if (_runsGrid is not null)
        {
            await _runsGrid.ReloadServerData();
        }
    }

    private async Task RunRetrainNowAsync()
    {
        var result = await Actions.RunNowAsync(_staff, TrainingScheduler.RetrainJobId);
        if (result.Succeeded)
        {
            _queued = !Progress.Running;
            Snackbar.Add(result.Message, Severity.Info);
        }
        else
        {
            Snackbar.Add(result.Message, Severity.Warning);
        }
    }

    private async Task RunNowAsync(string jobId)
    {
        if (jobId == TrainingScheduler.RetrainJobId)
        {
            await RunRetrainNowAsync();
            return;
        }

        var result = await Actions.RunNowAsync(_staff, jobId);
        Snackbar.Add(result.Message, result.Succeeded ? Severity.Info : Severity.Warning);
        if (result.Succeeded)
        {
            // A refresh takes moments: show it in the history once it is done.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            if (_runsGrid is not null)
            {
                await _runsGrid.ReloadServerData();
            }
        }
    }

    private async Task EditScheduleAsync(ScheduleView schedule)
    {
        var parameters = new DialogParameters<ScheduleEditDialog> { { d => d.Staff, _staff }, { d => d.Schedule, schedule } };
        var dialog = await Dialogs.ShowAsync<ScheduleEditDialog>($"Schedule: {schedule.Name}", parameters);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: ScheduleView saved })
        {
            Snackbar.Add(saved.Enabled ? $"{saved.Name}: {CronText.Describe(saved.Cron)} (UTC)." : $"{saved.Name} is off; it runs only when started by hand.", Severity.Success);
            _schedules = await Scheduler.ListAsync();
        }
    }

    private Task OpenVersionAsync(ModelVersionRecord version) => OpenVersionAsync(version.Id);

    private async Task OpenVersionAsync(int id)
    {
        var parameters = new DialogParameters<ModelVersionDialog> { { d => d.VersionId, id } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true };
        await Dialogs.ShowAsync<ModelVersionDialog>($"Model version v{id}", parameters, options);
    }

    private async Task CompareAsync()
    {
        var versions = (await Registry.ListAsync(100)).Where(v => v.Status != ModelStatus.Training).ToList();
        if (versions.Count < 2)
        {
            Snackbar.Add("Comparing needs two versions; train another first.", Severity.Info);
            return;
        }

        var right = versions.FirstOrDefault(v => v.Status == ModelStatus.Active) ?? versions[0];
        var left = versions.First(v => v.Id != right.Id);
        var parameters = new DialogParameters<ModelCompareDialog> { { d => d.Versions, versions }, { d => d.Left, left.Id }, { d => d.Right, right.Id } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true };
        await Dialogs.ShowAsync<ModelCompareDialog>("Compare model versions", parameters, options);
    }

    private async Task PromoteAsync(ModelVersionRecord version)
    {
        var parameters = new DialogParameters<ModelDecisionDialog>
        {
            { d => d.Staff, _staff },
            { d => d.VersionId, version.Id },
            { d => d.Version, version.Version },
            { d => d.ActiveVersion, _active?.Version ?? "the baseline" },
        };
        await DecideAsync($"Promote {version.Version}", parameters);
    }

    private async Task RollbackAsync()
    {
        var parameters = new DialogParameters<ModelDecisionDialog>
        {
            { d => d.Staff, _staff },
            { d => d.ActiveVersion, _active?.Version ?? "the active version" },
        };
        await DecideAsync($"Roll back {_active?.Version}", parameters);
    }

    private async Task DecideAsync(string title, DialogParameters<ModelDecisionDialog> parameters)
    {
        var dialog = await Dialogs.ShowAsync<ModelDecisionDialog>(title, parameters);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: string message })
        {
            Snackbar.Add(message, Severity.Success);
            await ReloadAllAsync();
        }
    }

    public void Dispose() => Progress.Changed -= OnProgressChanged;
}

using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Portal.Components.Pages.Rules.Components;
using Portal.Engine.Diversity;
using Portal.Engine.Feed;

namespace Portal.Components.Pages.Rules;

public partial class RulesPage
{
    /// <summary>How many users the impact preview plays the rules on.</summary>
    public const int SampleSize = 200;

    [Inject]
    private DiversityRulesStore Store { get; set; } = default!;

    [Inject]
    private RulesImpactAnalyzer Analyzer { get; set; } = default!;

    [Inject]
    private RulesPublisher Publisher { get; set; } = default!;

    [Inject]
    private ServingState Serving { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<RulesPage> Log { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private ClaimsPrincipal _staff = new();
    private bool _canEdit;
    private ActiveDiversityRules? _active;
    private IReadOnlyList<ActiveDiversityRules> _history = [];
    private DiversityRules _draft = new();
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private IReadOnlyList<RuleChange> _changes = [];
    private string? _error;

    private RulesImpactComparison? _impact;
    private DiversityRules? _impactDraft;
    private bool _impactRunning;
    private double _impactPercent;
    private readonly CancellationTokenSource _disposed = new();

    private bool CanPublish => _canEdit && _errors.Count == 0 && _changes.Count > 0 && !_impactRunning;

    protected override async Task OnInitializedAsync()
    {
        _staff = (await AuthenticationState).User;
        _canEdit = await Publisher.CanEditAsync(_staff);
        if (Serving.IsReady)
        {
            await LoadAsync(resetDraft: true);
        }
        else
        {
            Serving.Swapped += OnEngineReady;
        }
    }

    private void OnEngineReady(ServingSnapshot snapshot)
    {
        Serving.Swapped -= OnEngineReady;
        _ = InvokeAsync(async () =>
        {
            await LoadAsync(resetDraft: true);
            StateHasChanged();
        });
    }

    private async Task LoadAsync(bool resetDraft)
    {
        try
        {
            _active = Store.Active;
            _history = await Store.HistoryAsync(_disposed.Token);
            if (resetDraft)
            {
                SetDraft(_active.Rules);
            }
            else
            {
                SetDraft(_draft);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Reading the diversity rules failed");
            _error = "The diversity rules could not be read just now. Reload the page in a moment.";
        }
    }

    private void OnDraftChanged(DiversityRules draft) => SetDraft(draft);

    private void SetDraft(DiversityRules draft)
    {
        _draft = draft;
        _errors = DiversityRulesValidator.Validate(draft);
        _changes = _active is null ? [] : RuleField.Changes(_active.Rules, draft);
    }

    private void ResetDraft()
    {
        if (_active is not null)
        {
            SetDraft(_active.Rules);
        }
    }

    private async Task PreviewImpactAsync()
    {
        if (_errors.Count > 0 || _impactRunning)
        {
            return;
        }

        var draft = _draft;
        _impactRunning = true;
        _impactPercent = 0;
        var shown = 0;
        var progress = new Progress<double>(percent =>
        {
            _impactPercent = Math.Max(_impactPercent, percent);
            if (_impactRunning && !_disposed.IsCancellationRequested && (int)_impactPercent >= shown + 2)
            {
                shown = (int)_impactPercent;
                StateHasChanged();
            }
        });

        try
        {
            // The comparison is CPU-bound: run it off the circuit's thread so the progress bar moves.
            _impact = await Task.Run(() => Analyzer.CompareAsync(draft, SampleSize, progress, _disposed.Token), _disposed.Token);
            _impactDraft = draft;
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Log.LogError(ex, "The rules impact preview failed");
            Snackbar.Add("The impact preview failed. Try again; if it keeps failing, the log says why.", Severity.Error);
        }
        finally
        {
            _impactRunning = false;
        }
    }

    private async Task PublishAsync()
    {
        if (!CanPublish || _active is null)
        {
            return;
        }

        var parameters = new DialogParameters<RulesPublishDialog>
        {
            { d => d.Staff, _staff },
            { d => d.Draft, _draft },
            { d => d.ActiveVersion, _active.Version },
            { d => d.Changes, _changes },
        };
        await ShowPublishDialogAsync($"Publish the draft as version {_active.Version + 1}", parameters);
    }

    private async Task RollbackAsync(ActiveDiversityRules version)
    {
        if (!_canEdit || _active is null)
        {
            return;
        }

        var parameters = new DialogParameters<RulesPublishDialog>
        {
            { d => d.Staff, _staff },
            { d => d.RollbackOf, version.Version },
            { d => d.ActiveVersion, _active.Version },
            { d => d.Changes, RuleField.Changes(_active.Rules, version.Rules) },
        };
        await ShowPublishDialogAsync($"Roll back to version {version.Version}", parameters);
    }

    private async Task ShowPublishDialogAsync(string title, DialogParameters<RulesPublishDialog> parameters)
    {
        var dialog = await Dialogs.ShowAsync<RulesPublishDialog>(title, parameters);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: ActiveDiversityRules published })
        {
            Snackbar.Add($"Published version {published.Version}. It applies from the next feed request.", Severity.Success);
            _impact = null;
            _impactDraft = null;
            await LoadAsync(resetDraft: true);
        }
    }

    public void Dispose()
    {
        Serving.Swapped -= OnEngineReady;
        _disposed.Cancel();
        _disposed.Dispose();
    }
}

using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Auth;
using Portal.Moderation;

namespace Portal.Components.Pages.Moderation;

/// <summary>
/// One case: the video, its reports, the decisions about it, its creator and sound, and the buttons to decide (for
/// those who may moderate). While the page is open this circuit is registered in <see cref="CasePresence"/>, so the
/// queue and other moderators on this case see who is looking.
/// </summary>
public partial class CasePage
{
    [Inject]
    private ModerationQueue Queue { get; set; } = default!;

    [Inject]
    private CasePresence Presence { get; set; } = default!;

    [Inject]
    private PresenceCircuitHandler Circuit { get; set; } = default!;

    [Inject]
    private ModerationDialogs Dialogs { get; set; } = default!;

    [Inject]
    private CurrentStaff Staff { get; set; } = default!;

    [Inject]
    private StaffAuthorization Authorization { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<CasePage> Log { get; set; } = default!;

    [Parameter]
    public int CaseId { get; set; }

    private readonly List<BreadcrumbItem> _breadcrumbs = [new("Moderation", "moderation"), new("Case", null, disabled: true)];
    private CaseDetail? _detail;
    private IReadOnlyList<ModerationHistoryEntry> _actions = [];
    private IReadOnlyList<CaseViewer> _viewers = [];
    private IDisposable? _visit;
    private int _visitedCase = -1;
    private string? _me;
    private string _displayName = "";
    private bool _canModerate;
    private bool _loading = true;
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        var caller = await Staff.GetAsync();
        _me = caller.IsAuthenticated ? caller.Name : null;
        _displayName = caller.User.FindFirst(StaffClaimTypes.DisplayName)?.Value ?? caller.Name;
        _canModerate = await Authorization.AllowsAsync(caller.User, Policies.Moderate);
        Presence.Changed += OnPresenceChanged;
    }

    protected override async Task OnParametersSetAsync()
    {
        _breadcrumbs[1] = new BreadcrumbItem($"Case {CaseId}", null, disabled: true);
        EnterCase();
        await LoadAsync();
    }

    /// <summary>Only an interactive circuit is "looking"; the prerendered page is not.</summary>
    private void EnterCase()
    {
        if (_visitedCase == CaseId || !RendererInfo.IsInteractive || Circuit.CircuitId is not { } circuit || _me is null)
        {
            return;
        }

        _visit?.Dispose();
        _visitedCase = CaseId;
        _visit = Presence.Enter(circuit, CaseId, _me, _displayName);
        _viewers = Presence.ViewersOf(CaseId);
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _error = null;
        try
        {
            _detail = await Queue.GetAsync(CaseId);
            _actions = _detail is null
                ? []
                : _detail.Actions.Select(a => new ModerationHistoryEntry(
                        a.RequestedAt,
                        HistoryEntryKind.Action,
                        a.State == ModerationActionState.Pending || a.DecidedBy is not null
                            ? $"{CaseText.Action(a.Kind)} (asked for)"
                            : $"{CaseText.Done(a.Kind)}{(a.Subject == Engine.Moderation.ModerationSubject.Video ? "" : $" ({CaseText.Subject(a.Subject)} {a.SubjectId})")}",
                        $"{ModerationReasons.Label(a.ReasonCode)}: {a.Note}{(a.DecidedBy is { } by ? $" — {(a.State == ModerationActionState.Rejected ? "rejected" : "approved")} by {by}" : "")}",
                        a.RequestedBy,
                        a.CaseId == CaseId ? null : a.CaseId,
                        a))
                    .ToList();
            _viewers = Presence.ViewersOf(CaseId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Reading case {CaseId} failed", CaseId);
            _error = "This case could not be read just now. Try again in a moment; if it keeps failing, the log says why.";
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task AssignToMeAsync()
    {
        var caller = await Staff.GetAsync();
        await ShowAsync(await Queue.AssignAsync(caller, CaseId, caller.Name), $"Case {CaseId} is yours.");
    }

    private async Task UnassignAsync() =>
        await ShowAsync(await Queue.AssignAsync(await Staff.GetAsync(), CaseId, null), $"Case {CaseId} is back in the shared queue.");

    private async Task SetStatusAsync(CaseStatus status)
    {
        if (await Dialogs.SetCaseStatusAsync(CaseId, status))
        {
            await LoadAsync();
        }
    }

    private async Task ReverseAsync(ModerationAction action)
    {
        if (await Dialogs.ReverseAsync(action))
        {
            await LoadAsync();
        }
    }

    private async Task DecideAsync((ModerationAction Action, bool Approve) decision)
    {
        if (await Dialogs.DecideAsync(decision.Action, decision.Approve))
        {
            await LoadAsync();
        }
    }

    private async Task ShowAsync(ModerationChangeResult result, string success)
    {
        Snackbar.Add(result.Succeeded ? success : result.Error ?? "", result.Succeeded ? Severity.Success : Severity.Error);
        await LoadAsync();
    }

    private void OnPresenceChanged(int caseId)
    {
        if (caseId == CaseId)
        {
            _ = InvokeAsync(() =>
            {
                _viewers = Presence.ViewersOf(CaseId);
                StateHasChanged();
            });
        }
    }

    public void Dispose()
    {
        Presence.Changed -= OnPresenceChanged;
        _visit?.Dispose();
    }
}

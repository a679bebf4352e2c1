using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Auth;
using Portal.Components.Shared;
using Portal.Moderation;

namespace Portal.Components.Pages.Moderation;

/// <summary>
/// The queue of cases, filtered and paged on the server, oldest first. Shows who has each case open right now and
/// redraws when that changes; the actions waiting for a second moderator are above the list.
/// </summary>
public partial class ModerationQueuePage
{
    [Inject]
    private ModerationQueue Queue { get; set; } = default!;

    [Inject]
    private CasePresence Presence { get; set; } = default!;

    [Inject]
    private ModerationDialogs Dialogs { get; set; } = default!;

    [Inject]
    private CurrentStaff Staff { get; set; } = default!;

    [Inject]
    private StaffAuthorization Authorization { get; set; } = default!;

    [Inject]
    private VideoThumbnails Thumbnails { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private Engine.Catalog.CatalogLookup Catalog { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<ModerationQueuePage> Log { get; set; } = default!;

    private MudDataGrid<CaseSummary>? _grid;
    private CaseQuery _query = new();
    private (int Open, int Escalated, int PendingActions) _counts;
    private IReadOnlyList<ModerationAction> _pending = [];
    private Dictionary<(Engine.Moderation.ModerationSubject, int), string> _labels = [];
    private IReadOnlyList<string> _moderators = [];
    private HashSet<int> _shown = [];
    private string? _me;
    private bool _canModerate;
    private string? _error;
    private DateTime _now;

    private bool HasFilters => _query != new CaseQuery();

    protected override async Task OnInitializedAsync()
    {
        _now = Clock.GetUtcNow().UtcDateTime;
        var caller = await Staff.GetAsync();
        _me = caller.IsAuthenticated ? caller.Name : null;
        _canModerate = await Authorization.AllowsAsync(caller.User, Policies.Moderate);
        Presence.Changed += OnPresenceChanged;
        await LoadSideAsync();
    }

    private async Task LoadSideAsync()
    {
        try
        {
            _counts = await Queue.CountsAsync();
            _pending = await Queue.PendingActionsAsync();
            _labels = await LabelsAsync(_pending);
            _moderators = await Queue.ModeratorsAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Reading the moderation queue's counts failed");
            _error = "The queue could not be read just now. Try again in a moment; if it keeps failing, the log says why.";
        }
    }

    private async Task<GridData<CaseSummary>> LoadAsync(GridState<CaseSummary> state, CancellationToken ct)
    {
        try
        {
            _now = Clock.GetUtcNow().UtcDateTime;
            var page = await Queue.SearchAsync(_query, state.Page, state.PageSize, ct);
            _shown = page.Items.Select(c => c.Id).ToHashSet();
            _error = null;
            return new GridData<CaseSummary> { Items = page.Items, TotalItems = page.Total };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Reading the moderation queue failed");
            _error = "The queue could not be read just now. Try again in a moment; if it keeps failing, the log says why.";
            return new GridData<CaseSummary> { Items = [], TotalItems = 0 };
        }
    }

    private Task StatusChangedAsync(CaseStatusFilter status) => ApplyAsync(_query with { Status = status });

    private Task ReasonChangedAsync(string reason) => ApplyAsync(_query with { Reason = string.IsNullOrEmpty(reason) ? null : reason });

    private Task AssigneeChangedAsync(string assignee) => ApplyAsync(_query with { AssignedTo = string.IsNullOrEmpty(assignee) ? null : assignee });

    private Task ClearAsync() => ApplyAsync(new CaseQuery());

    private async Task ApplyAsync(CaseQuery query)
    {
        _query = query;
        await _grid.ShowFirstPageAsync();
    }

    private async Task AssignToMeAsync(int caseId)
    {
        var caller = await Staff.GetAsync();
        var result = await Queue.AssignAsync(caller, caseId, caller.Name);
        if (result.Succeeded)
        {
            Snackbar.Add($"Case {caseId} is yours.", Severity.Success);
        }
        else
        {
            Snackbar.Add(result.Error ?? "", Severity.Error);
        }

        await ReloadAsync();
    }

    private async Task DecideAsync(ModerationAction action, bool approve)
    {
        if (await Dialogs.DecideAsync(action, approve))
        {
            await ReloadAsync();
        }
    }

    private async Task ReloadAsync()
    {
        await LoadSideAsync();
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    /// <summary>"@handle", "“Sound title”", "video 12": what the pending actions are about, in words.</summary>
    private async Task<Dictionary<(Engine.Moderation.ModerationSubject, int), string>> LabelsAsync(IReadOnlyList<ModerationAction> actions)
    {
        var labels = new Dictionary<(Engine.Moderation.ModerationSubject, int), string>();
        foreach (var action in actions.DistinctBy(a => (a.Subject, a.SubjectId)))
        {
            labels[(action.Subject, action.SubjectId)] = action.Subject switch
            {
                Engine.Moderation.ModerationSubject.Creator => await Catalog.GetCreatorAsync(action.SubjectId) is { } creator ? $"@{creator.Handle}" : $"creator {action.SubjectId}",
                Engine.Moderation.ModerationSubject.Sound => await Catalog.GetSoundAsync(action.SubjectId) is { } sound ? $"“{sound.Title}”" : $"sound {action.SubjectId}",
                _ => $"video {action.SubjectId}",
            };
        }

        return labels;
    }

    private string Label(ModerationAction action) =>
        _labels.TryGetValue((action.Subject, action.SubjectId), out var label) ? label : $"{CaseText.Subject(action.Subject)} {action.SubjectId}";

    private void OpenCase(DataGridRowClickEventArgs<CaseSummary> row) => Navigation.NavigateTo($"moderation/cases/{row.Item.Id}");

    private void OnPresenceChanged(int caseId)
    {
        if (_shown.Contains(caseId))
        {
            _ = InvokeAsync(StateHasChanged);
        }
    }

    private static string StatusText(CaseStatusFilter status) => status switch
    {
        CaseStatusFilter.Waiting => "Open or escalated",
        CaseStatusFilter.Open => "Open",
        CaseStatusFilter.Escalated => "Escalated",
        CaseStatusFilter.Closed => "Closed",
        _ => "All cases",
    };

    private string AssigneeText(string? assignee) => assignee switch
    {
        null or "" => "Anyone",
        CaseQuery.Unassigned => "Nobody yet",
        var email when email == _me => "Me",
        var email => email,
    };

    public void Dispose() => Presence.Changed -= OnPresenceChanged;
}

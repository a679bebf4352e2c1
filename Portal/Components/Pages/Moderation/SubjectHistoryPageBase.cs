using Microsoft.AspNetCore.Components;
using Portal.Auth;
using Portal.Engine.Moderation;
using Portal.Moderation;

namespace Portal.Components.Pages.Moderation;

/// <summary>
/// What the video, creator and sound history pages share: reading the subject and its history, who may act, and the
/// reverse, approve and reject buttons of the timeline.
/// </summary>
public abstract class SubjectHistoryPageBase : ComponentBase
{
    [Inject]
    protected ModerationHistory History { get; set; } = default!;

    [Inject]
    protected ModerationDialogs Dialogs { get; set; } = default!;

    [Inject]
    protected CurrentStaff Staff { get; set; } = default!;

    [Inject]
    protected StaffAuthorization Authorization { get; set; } = default!;

    [Inject]
    protected ILogger<SubjectHistoryPageBase> Log { get; set; } = default!;

    protected IReadOnlyList<ModerationHistoryEntry> _history = [];
    protected bool _loading = true;
    protected string? _error;
    protected bool _canModerate;
    protected bool _canReport;

    /// <summary>Bumped after every load, so that child lists read again.</summary>
    protected int _version;

    protected abstract ModerationSubject Subject { get; }

    protected abstract int SubjectId { get; }

    /// <summary>Reads the video, creator or sound itself.</summary>
    protected abstract Task ReadSubjectAsync();

    protected override async Task OnInitializedAsync()
    {
        var caller = await Staff.GetAsync();
        _canModerate = await Authorization.AllowsAsync(caller.User, Policies.Moderate);
        _canReport = await Authorization.AllowsAsync(caller.User, Policies.ReportContent);
    }

    protected override Task OnParametersSetAsync() => LoadAsync();

    protected async Task LoadAsync()
    {
        _loading = true;
        _error = null;
        try
        {
            await ReadSubjectAsync();
            _history = await History.ForAsync(Subject, SubjectId);
            _version++;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Reading the history of {Subject} {Id} failed", Subject, SubjectId);
            _error = $"The history of this {CaseText.Subject(Subject)} could not be read just now. Try again in a moment; if it keeps failing, the log says why.";
        }
        finally
        {
            _loading = false;
        }
    }

    protected async Task ReverseAsync(ModerationAction action)
    {
        if (await Dialogs.ReverseAsync(action))
        {
            await LoadAsync();
        }
    }

    protected async Task DecideAsync((ModerationAction Action, bool Approve) decision)
    {
        if (await Dialogs.DecideAsync(decision.Action, decision.Approve))
        {
            await LoadAsync();
        }
    }
}

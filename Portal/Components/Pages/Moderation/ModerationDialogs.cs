using MudBlazor;
using Portal.Auth;
using Portal.Components.Pages.Moderation.Components;
using Portal.Moderation;

namespace Portal.Components.Pages.Moderation;

/// <summary>
/// Opens the moderation dialogs (act, reverse, approve or reject, change a case's status, report) and says in a
/// snackbar what happened. The dialogs themselves call the services, which check permissions and record everything.
/// </summary>
public sealed class ModerationDialogs(IDialogService dialogs, ISnackbar snackbar, CurrentStaff staff)
{
    /// <summary>Asks for a reason and a note and takes the action; true when something changed or now waits for approval.</summary>
    public async Task<bool> TakeAsync(ModerationActionKind kind, int subjectId, string subjectLabel, int? caseId = null)
    {
        var caller = await staff.GetAsync();
        var parameters = new DialogParameters<ModerationActionDialog>
        {
            { d => d.Kind, kind },
            { d => d.SubjectId, subjectId },
            { d => d.SubjectLabel, subjectLabel },
            { d => d.CaseId, caseId },
            { d => d.IsAdmin, caller.IsInRole(StaffRoles.Admin) },
        };
        var dialog = await dialogs.ShowAsync<ModerationActionDialog>($"{CaseText.Action(kind)}?", parameters);
        if (await dialog.Result is not { Canceled: false, Data: ModerationChangeResult result })
        {
            return false;
        }

        snackbar.Add(
            result.Pending
                ? $"Asked for a second moderator's approval: {CaseText.Action(kind).ToLowerInvariant()} ({subjectLabel}). Nothing changes until then."
                : $"{CaseText.Done(kind)}: {subjectLabel}. Feeds follow from the next request.",
            result.Pending ? Severity.Info : Severity.Success);
        return true;
    }

    public async Task<bool> ReverseAsync(ModerationAction action)
    {
        var dialog = await dialogs.ShowAsync<ReverseActionDialog>($"Reverse “{CaseText.Done(action.Kind)}”?", new DialogParameters<ReverseActionDialog> { { d => d.Action, action } });
        if (await dialog.Result is not { Canceled: false })
        {
            return false;
        }

        snackbar.Add($"Reversed. The {CaseText.Subject(action.Subject)} is {CaseText.EngineStatus(action.Subject, action.FromStatus ?? 0)} again.", Severity.Success);
        return true;
    }

    public async Task<bool> DecideAsync(ModerationAction action, bool approve)
    {
        var parameters = new DialogParameters<PendingDecisionDialog> { { d => d.Action, action }, { d => d.Approve, approve } };
        var dialog = await dialogs.ShowAsync<PendingDecisionDialog>(approve ? "Approve the request?" : "Reject the request?", parameters);
        if (await dialog.Result is not { Canceled: false })
        {
            return false;
        }

        snackbar.Add(approve ? $"Approved: {CaseText.Done(action.Kind).ToLowerInvariant()}." : "Rejected; nothing changed.", approve ? Severity.Success : Severity.Info);
        return true;
    }

    public async Task<bool> SetCaseStatusAsync(int caseId, CaseStatus status)
    {
        var parameters = new DialogParameters<CaseStatusDialog> { { d => d.CaseId, caseId }, { d => d.Status, status } };
        var title = status switch
        {
            CaseStatus.Escalated => $"Escalate case {caseId}?",
            CaseStatus.Closed => $"Close case {caseId} without action?",
            _ => $"Reopen case {caseId}?",
        };
        var dialog = await dialogs.ShowAsync<CaseStatusDialog>(title, parameters);
        if (await dialog.Result is not { Canceled: false })
        {
            return false;
        }

        snackbar.Add($"Case {caseId} is {CaseText.Status(status).ToLowerInvariant()}.", Severity.Success);
        return true;
    }

    public async Task<bool> ReportAsync(int videoId)
    {
        var dialog = await dialogs.ShowAsync<ReportVideoDialog>($"Report video {videoId}", new DialogParameters<ReportVideoDialog> { { d => d.VideoId, videoId } });
        if (await dialog.Result is not { Canceled: false, Data: ReportFiling filing })
        {
            return false;
        }

        snackbar.Add(filing.OpenedCase ? $"Reported. Case {filing.CaseId} is in the moderation queue." : $"Reported. Added to case {filing.CaseId}.", Severity.Success);
        return true;
    }
}

using Microsoft.EntityFrameworkCore;
using Portal.Engine.Moderation;
using Portal.Storage;

namespace Portal.Moderation;

/// <summary>
/// Everything that happened to a video, creator or sound, oldest first: the portal's reports and cases, its
/// moderation actions (pending, applied, rejected, reversed), and the engine's own record of status changes.
/// </summary>
public sealed class ModerationHistory(IDbContextFactory<PortalDbContext> contexts, CatalogModeration engine)
{
    /// <summary>At most this many cases are listed for a creator or sound (their videos can be many).</summary>
    public const int MaxCases = 200;

    public async Task<IReadOnlyList<ModerationHistoryEntry>> ForAsync(ModerationSubject subject, int id, CancellationToken ct = default)
    {
        var entries = new List<ModerationHistoryEntry>();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (subject == ModerationSubject.Video)
            {
                var reports = await db.ModerationReports.AsNoTracking().Where(r => r.VideoId == id).OrderBy(r => r.Id).ToListAsync(ct);
                entries.AddRange(reports.Select(r => new ModerationHistoryEntry(
                    r.At,
                    HistoryEntryKind.Report,
                    $"Reported: {ReportReasons.Label(r.Reason)}",
                    r.UserId is { } user ? Join($"On behalf of app user {user}", r.Text) : r.Text,
                    r.ReportedBy,
                    r.CaseId,
                    null)));
            }

            var cases = subject switch
            {
                ModerationSubject.Video => db.ModerationCases.Where(c => c.VideoId == id),
                ModerationSubject.Creator => db.ModerationCases.Where(c => c.CreatorId == id),
                _ => db.ModerationCases.Where(c => c.SoundId == id),
            };
            var caseRows = await cases.AsNoTracking().OrderByDescending(c => c.Id).Take(MaxCases).ToListAsync(ct);
            var caseIds = caseRows.Select(c => c.Id).ToList();
            var reasonsByCase = (await db.ModerationReports.AsNoTracking()
                    .Where(r => caseIds.Contains(r.CaseId))
                    .Select(r => new { r.CaseId, r.Reason })
                    .Distinct()
                    .ToListAsync(ct))
                .ToLookup(r => r.CaseId, r => r.Reason);
            foreach (var c in caseRows)
            {
                var reasons = string.Join(", ", reasonsByCase[c.Id].Select(ReportReasons.Label));
                entries.Add(new ModerationHistoryEntry(
                    c.OpenedAt,
                    HistoryEntryKind.CaseOpened,
                    subject == ModerationSubject.Video ? $"Case {c.Id} opened" : $"Video {c.VideoId} reported (case {c.Id})",
                    $"{c.ReportCount} {(c.ReportCount == 1 ? "report" : "reports")}: {reasons}",
                    null,
                    c.Id,
                    null));
                if (c.Status == CaseStatus.Closed && c.ClosedAt is { } closedAt)
                {
                    entries.Add(new ModerationHistoryEntry(closedAt, HistoryEntryKind.CaseClosed, $"Case {c.Id} closed", c.Resolution, c.ClosedBy, c.Id, null));
                }
            }

            var actions = await db.ModerationActions.AsNoTracking().Where(a => a.Subject == subject && a.SubjectId == id).OrderBy(a => a.Id).ToListAsync(ct);
            entries.AddRange(actions.Select(a => new ModerationHistoryEntry(
                a.RequestedAt,
                HistoryEntryKind.Action,
                a.State == ModerationActionState.Pending || a.DecidedBy is not null ? $"{CaseText.Action(a.Kind)} (asked for)" : CaseText.Done(a.Kind),
                Describe(a),
                a.RequestedBy,
                a.CaseId,
                a)));
        }

        var changes = await engine.HistoryAsync(subject, id, ct);
        entries.AddRange(changes.Select(c => new ModerationHistoryEntry(
            c.At,
            HistoryEntryKind.EngineChange,
            $"Feed status {CaseText.EngineStatus(subject, c.From)} → {CaseText.EngineStatus(subject, c.To)}",
            "Recorded by the engine; served feeds follow it from this moment.",
            c.ChangedBy,
            null,
            null)));

        return entries.OrderBy(e => e.At).ThenBy(e => e.Kind).ToList();
    }

    private static string Describe(ModerationAction action)
    {
        var text = $"{ModerationReasons.Label(action.ReasonCode)}: {action.Note}";
        if (action.ReversesActionId is { } reversed)
        {
            text = $"Undoes action {reversed}. {text}";
        }

        if (action.DecidedBy is { } decidedBy)
        {
            var verdict = action.State == ModerationActionState.Rejected ? "Rejected" : "Approved";
            text += $" — {verdict} by {decidedBy}{(action.DecidedAt is { } at ? $" at {at:yyyy-MM-dd HH:mm} UTC" : "")}{(action.DecisionNote is { } note ? $": {note}" : "")}.";
        }

        return text;
    }

    private static string? Join(string first, string? second) => string.IsNullOrWhiteSpace(second) ? first : $"{first}: {second}";
}

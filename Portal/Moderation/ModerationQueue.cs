using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Auth;
using Portal.Engine.Catalog;
using Portal.Engine.Moderation;
using Portal.Storage;

namespace Portal.Moderation;

/// <summary>
/// The moderation queue: cases filtered and paged on the server (oldest first), one case with everything about it,
/// assignment and status changes (checked against <see cref="Policies.Moderate"/> and recorded), and the actions
/// waiting for a second moderator.
/// </summary>
public sealed class ModerationQueue(
    IDbContextFactory<PortalDbContext> contexts,
    CatalogLookup catalog,
    StaffAuthorization authorization,
    IAuditTrail audit,
    TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public async Task<Page<CaseSummary>> SearchAsync(CaseQuery query, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        pageIndex = Math.Max(0, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var cases = db.ModerationCases.AsNoTracking();
        cases = query.Status switch
        {
            CaseStatusFilter.Waiting => cases.Where(c => c.Status != CaseStatus.Closed),
            CaseStatusFilter.Open => cases.Where(c => c.Status == CaseStatus.Open),
            CaseStatusFilter.Escalated => cases.Where(c => c.Status == CaseStatus.Escalated),
            CaseStatusFilter.Closed => cases.Where(c => c.Status == CaseStatus.Closed),
            _ => cases,
        };

        if (!string.IsNullOrWhiteSpace(query.Reason))
        {
            var reason = query.Reason.Trim();
            cases = cases.Where(c => c.Reports.Any(r => r.Reason == reason));
        }

        if (query.AssignedTo == CaseQuery.Unassigned)
        {
            cases = cases.Where(c => c.AssignedTo == null);
        }
        else if (!string.IsNullOrWhiteSpace(query.AssignedTo))
        {
            var assignee = query.AssignedTo.Trim();
            cases = cases.Where(c => c.AssignedTo == assignee);
        }

        var total = await cases.CountAsync(ct);
        var rows = await cases.OrderBy(c => c.OpenedAt).ThenBy(c => c.Id)
            .Skip(pageIndex * pageSize)
            .Take(pageSize)
            .ToListAsync(ct);
        var ids = rows.Select(c => c.Id).ToList();
        var reasons = (await db.ModerationReports.AsNoTracking()
                .Where(r => ids.Contains(r.CaseId))
                .Select(r => new { r.CaseId, r.Reason })
                .Distinct()
                .ToListAsync(ct))
            .ToLookup(r => r.CaseId, r => r.Reason);
        var videos = await catalog.GetVideosAsync(rows.Select(c => c.VideoId).ToList(), ct);
        var items = rows.Select(c => new CaseSummary(
                c.Id,
                c.VideoId,
                c.Status,
                c.OpenedAt,
                c.LastReportedAt,
                c.ReportCount,
                reasons[c.Id].OrderBy(reason => IndexOf(ReportReasons.All, reason)).ToList(),
                c.AssignedTo,
                videos.GetValueOrDefault(c.VideoId)))
            .ToList();
        return new Page<CaseSummary>(items, total, pageIndex, pageSize);
    }

    public async Task<CaseDetail?> GetAsync(int caseId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.ModerationCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (row is null)
        {
            return null;
        }

        var reports = await db.ModerationReports.AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.Id).ToListAsync(ct);
        var video = await catalog.GetVideoAsync(row.VideoId, ct);
        var creatorId = video?.CreatorId ?? row.CreatorId;
        var soundId = video?.SoundId ?? row.SoundId;
        var actions = await db.ModerationActions.AsNoTracking()
            .Where(a => a.CaseId == caseId
                || (a.Subject == ModerationSubject.Video && a.SubjectId == row.VideoId)
                || (a.Subject == ModerationSubject.Creator && a.SubjectId == creatorId)
                || (a.Subject == ModerationSubject.Sound && a.SubjectId == soundId))
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        return new CaseDetail(row, reports, video, actions);
    }

    /// <summary>How many cases wait (open, escalated) and how many actions wait for a second moderator.</summary>
    public async Task<(int Open, int Escalated, int PendingActions)> CountsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var open = await db.ModerationCases.CountAsync(c => c.Status == CaseStatus.Open, ct);
        var escalated = await db.ModerationCases.CountAsync(c => c.Status == CaseStatus.Escalated, ct);
        var pending = await db.ModerationActions.CountAsync(a => a.State == ModerationActionState.Pending, ct);
        return (open, escalated, pending);
    }

    /// <summary>Actions waiting for a second moderator, oldest first.</summary>
    public async Task<IReadOnlyList<ModerationAction>> PendingActionsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ModerationActions.AsNoTracking().Where(a => a.State == ModerationActionState.Pending).OrderBy(a => a.Id).Take(200).ToListAsync(ct);
    }

    /// <summary>The emails of staff who may moderate (Admin or Moderator): who a case can be assigned to.</summary>
    public async Task<IReadOnlyList<string>> ModeratorsAsync(CancellationToken ct = default)
    {
        var roles = Policies.Get(Policies.Moderate).Roles;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await (from userRole in db.UserRoles
                      join role in db.Roles on userRole.RoleId equals role.Id
                      join user in db.Users on userRole.UserId equals user.Id
                      where roles.Contains(role.Name!)
                      select user.Email!)
            .Distinct()
            .OrderBy(e => e)
            .ToListAsync(ct);
    }

    /// <summary>Gives the case to <paramref name="assignee"/> (a moderator's email), or to nobody when null.</summary>
    public async Task<ModerationChangeResult> AssignAsync(StaffCaller caller, int caseId, string? assignee, CancellationToken ct = default)
    {
        if (!await authorization.DemandAsync(caller, Policies.Moderate, $"assign case {caseId}", $"case:{caseId}", ct))
        {
            return ModerationChangeResult.Failed(StaffAuthorization.RefusalMessage(Policies.Moderate));
        }

        assignee = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim();
        if (assignee is not null && !(await ModeratorsAsync(ct)).Contains(assignee, StringComparer.OrdinalIgnoreCase))
        {
            return ModerationChangeResult.Failed($"{assignee} is not a moderator, so the case cannot be assigned to them.");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.ModerationCases.SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (row is null)
        {
            return ModerationChangeResult.Failed($"There is no case {caseId}.");
        }

        if (string.Equals(row.AssignedTo, assignee, StringComparison.OrdinalIgnoreCase))
        {
            return ModerationChangeResult.Ok();
        }

        var before = row.AssignedTo;
        row.AssignedTo = assignee;
        row.AssignedAt = assignee is null ? null : Now();
        await db.SaveChangesAsync(CancellationToken.None);
        await audit.AppendAsync(new AuditRecord(caller.Actor, AuditActions.CaseAssigned, $"case:{caseId}", before ?? "unassigned", assignee ?? "unassigned", null), CancellationToken.None);
        return ModerationChangeResult.Ok();
    }

    /// <summary>Escalates, closes (without acting on the video) or reopens a case, with a note saying why.</summary>
    public async Task<ModerationChangeResult> SetStatusAsync(StaffCaller caller, int caseId, CaseStatus status, string note, CancellationToken ct = default)
    {
        if (!await authorization.DemandAsync(caller, Policies.Moderate, $"set case {caseId} to {status}", $"case:{caseId}", ct))
        {
            return ModerationChangeResult.Failed(StaffAuthorization.RefusalMessage(Policies.Moderate));
        }

        note = (note ?? "").Trim();
        if (note.Length == 0)
        {
            return ModerationChangeResult.Failed("Write a note that says why, for the next moderator and the audit.");
        }

        if (note.Length > ModerationCase.NoteMaxLength)
        {
            return ModerationChangeResult.Failed($"Keep the note to {ModerationCase.NoteMaxLength:N0} characters or fewer.");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.ModerationCases.SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (row is null)
        {
            return ModerationChangeResult.Failed($"There is no case {caseId}.");
        }

        if (row.Status == status)
        {
            return ModerationChangeResult.Failed($"The case is already {CaseText.Status(status).ToLowerInvariant()}.");
        }

        if (status != CaseStatus.Closed && await db.ModerationCases.AnyAsync(c => c.VideoId == row.VideoId && c.Id != caseId && c.Status != CaseStatus.Closed, ct))
        {
            return ModerationChangeResult.Failed("Another case about this video is open; add to that one instead of reopening this.");
        }

        var before = row.Status;
        row.Status = status;
        if (status == CaseStatus.Closed)
        {
            row.ClosedAt = Now();
            row.ClosedBy = caller.Name;
            row.Resolution = $"Closed without action: {note}";
        }
        else
        {
            row.ClosedAt = null;
            row.ClosedBy = null;
            row.Resolution = null;
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await audit.AppendAsync(new AuditRecord(caller.Actor, AuditActions.CaseStatusChanged, $"case:{caseId}", CaseText.Status(before), CaseText.Status(status), note), CancellationToken.None);
        return ModerationChangeResult.Ok();
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return list.Count;
    }

    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }
}

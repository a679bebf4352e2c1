using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Auth;
using Portal.Engine.Catalog;
using Portal.Storage;

namespace Portal.Moderation;

/// <summary>
/// Files reports about videos, from apps (<c>POST /api/v1/reports</c>) and from staff. A report joins the video's
/// open or escalated case, or opens a new one; reports are filed one at a time so that two reports of one video at
/// the same moment do not open two cases.
/// </summary>
public sealed class ReportIntake(
    IDbContextFactory<PortalDbContext> contexts,
    CatalogLookup catalog,
    UserDirectory users,
    StaffAuthorization authorization,
    IAuditTrail audit,
    TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Checks a report's fields; empty when they are well formed.</summary>
    public static Dictionary<string, string[]> Validate(NewReport report)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (report.VideoId is null)
        {
            errors["videoId"] = ["The videoId is required: the id of the reported video."];
        }
        else if (report.VideoId <= 0 || report.VideoId > int.MaxValue)
        {
            errors["videoId"] = ["The videoId must be a positive whole number."];
        }

        var reasons = string.Join(", ", ReportReasons.All);
        if (string.IsNullOrWhiteSpace(report.Reason))
        {
            errors["reason"] = [$"The reason is required: one of {reasons}."];
        }
        else if (!ReportReasons.IsValid(report.Reason.Trim().ToLowerInvariant()))
        {
            var shown = report.Reason.Length <= 40 ? report.Reason : report.Reason[..40] + "…";
            errors["reason"] = [$"\"{shown}\" is not a reason; use one of {reasons}."];
        }

        if (report.Text is { Length: > ModerationReport.TextMaxLength } text)
        {
            errors["text"] = [$"Keep the text to {ModerationReport.TextMaxLength:N0} characters or fewer; it has {text.Length:N0}."];
        }

        if (report.UserId is <= 0)
        {
            errors["userId"] = ["The userId must be a positive whole number."];
        }

        return errors;
    }

    /// <summary>A report from an app, sent with an API key (<paramref name="reportedBy"/> names the key).</summary>
    public Task<ReportFiling> FileAsync(NewReport report, AuditActor reportedBy, CancellationToken ct = default) =>
        FileCoreAsync(report, reportedBy.Name, ct);

    /// <summary>A report from a member of staff (<see cref="Policies.ReportContent"/>); recorded in the audit trail.</summary>
    public async Task<ReportFiling> FileAsync(StaffCaller caller, NewReport report, CancellationToken ct = default)
    {
        if (!await authorization.DemandAsync(caller, Policies.ReportContent, $"report video {report.VideoId}", $"video:{report.VideoId}", ct))
        {
            return ReportFiling.Invalid(new Dictionary<string, string[]> { ["permission"] = [StaffAuthorization.RefusalMessage(Policies.ReportContent)] });
        }

        var filing = await FileCoreAsync(report, caller.Name, ct);
        if (filing.Succeeded)
        {
            await audit.AppendAsync(new AuditRecord(
                caller.Actor,
                AuditActions.ReportFiled,
                $"video:{report.VideoId}",
                null,
                AuditJson.Serialize(new { caseId = filing.CaseId, reason = report.Reason!.Trim().ToLowerInvariant(), text = report.Text }),
                ReportReasons.Label(report.Reason.Trim().ToLowerInvariant())), CancellationToken.None);
        }

        return filing;
    }

    private async Task<ReportFiling> FileCoreAsync(NewReport report, string reportedBy, CancellationToken ct)
    {
        var errors = Validate(report);
        if (errors.Count > 0)
        {
            return ReportFiling.Invalid(errors);
        }

        var videoId = (int)report.VideoId!.Value;
        var video = await catalog.GetVideoAsync(videoId, ct);
        if (video is null)
        {
            errors["videoId"] = [$"There is no video {videoId}."];
        }

        if (report.UserId is { } userId && await users.FindAsync(userId, ct) is null)
        {
            errors["userId"] = [$"There is no user {userId}."];
        }

        if (errors.Count > 0)
        {
            return ReportFiling.Invalid(errors, notFound: true);
        }

        var now = Now();
        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            // Two instances filing reports on one video at once would otherwise both open a case for it.
            await db.LockForWritingAsync<ModerationCase>(CancellationToken.None);
            var open = await db.ModerationCases
                .Where(c => c.VideoId == videoId && c.Status != CaseStatus.Closed)
                .OrderBy(c => c.Id)
                .FirstOrDefaultAsync(CancellationToken.None);
            var opened = open is null;
            open ??= db.ModerationCases.Add(new ModerationCase
            {
                VideoId = videoId,
                CreatorId = video!.CreatorId,
                SoundId = video.SoundId,
                Status = CaseStatus.Open,
                OpenedAt = now,
            }).Entity;
            open.LastReportedAt = now;
            open.ReportCount++;
            var row = new ModerationReport
            {
                Case = open,
                VideoId = videoId,
                Reason = report.Reason!.Trim().ToLowerInvariant(),
                Text = string.IsNullOrWhiteSpace(report.Text) ? null : report.Text.Trim(),
                UserId = report.UserId,
                ReportedBy = reportedBy.Length <= ModerationReport.ReporterMaxLength ? reportedBy : reportedBy[..ModerationReport.ReporterMaxLength],
                At = now,
            };
            db.ModerationReports.Add(row);
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            return new ReportFiling(open.Id, row.Id, errors, false, opened);
        }
        finally
        {
            _gate.Release();
        }
    }

    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }
}

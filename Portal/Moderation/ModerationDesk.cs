using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Auth;
using Portal.Engine.Catalog;
using Portal.Engine.Moderation;
using Portal.Storage;

namespace Portal.Moderation;

/// <summary>
/// Takes moderation actions on videos, creators and sounds, and reverses them. Each needs <see cref="Policies.Moderate"/>,
/// a reason code from the closed list and a note; each is applied through the engine's <see cref="CatalogModeration"/>
/// (so the next feed request already reflects it), kept as a <see cref="ModerationAction"/> and written to the audit
/// trail. The two-person rule: a ban or a block asked for by a Moderator waits until a second, different Moderator
/// (or an Admin) approves it; an Admin's own ban or block applies at once.
/// </summary>
public sealed class ModerationDesk(
    IDbContextFactory<PortalDbContext> contexts,
    CatalogModeration moderation,
    CatalogLookup catalog,
    StaffAuthorization authorization,
    IAuditTrail audit,
    TimeProvider clock,
    ILogger<ModerationDesk> log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>True for the actions that need a second person unless an Admin takes them.</summary>
    public static bool NeedsSecondPerson(ModerationActionKind kind) => kind is ModerationActionKind.BanCreator or ModerationActionKind.BlockSound;

    /// <summary>Which subject an action is about.</summary>
    public static ModerationSubject SubjectOf(ModerationActionKind kind) => kind switch
    {
        ModerationActionKind.ApproveVideo or ModerationActionKind.RestrictVideo or ModerationActionKind.RemoveVideo => ModerationSubject.Video,
        ModerationActionKind.RestrictCreator or ModerationActionKind.BanCreator => ModerationSubject.Creator,
        ModerationActionKind.BlockSound => ModerationSubject.Sound,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A reversal takes its subject from the action it reverses."),
    };

    /// <summary>The engine status an action sets.</summary>
    public static int TargetStatus(ModerationActionKind kind) => kind switch
    {
        ModerationActionKind.ApproveVideo => (int)ModerationStatus.Visible,
        ModerationActionKind.RestrictVideo => (int)ModerationStatus.Restricted,
        ModerationActionKind.RemoveVideo => (int)ModerationStatus.Removed,
        ModerationActionKind.RestrictCreator => (int)CreatorStatus.Restricted,
        ModerationActionKind.BanCreator => (int)CreatorStatus.Banned,
        ModerationActionKind.BlockSound => (int)SoundStatus.Blocked,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Takes an action, or (two-person rule) files it for a second moderator's approval.</summary>
    public async Task<ModerationChangeResult> TakeAsync(StaffCaller caller, ModerationRequest request, CancellationToken ct = default)
    {
        if (request.Kind == ModerationActionKind.Reversal)
        {
            return ModerationChangeResult.Failed("Reverse an action from its row in the history.");
        }

        var subject = SubjectOf(request.Kind);
        var target = CaseText.Target(subject, request.SubjectId);
        if (!await authorization.DemandAsync(caller, Policies.Moderate, $"{CaseText.Action(request.Kind).ToLowerInvariant()} ({target})", target, ct))
        {
            return ModerationChangeResult.Failed(StaffAuthorization.RefusalMessage(Policies.Moderate));
        }

        if (CheckReasonAndNote(request.Kind, request.ReasonCode, request.Note) is { } invalid)
        {
            return ModerationChangeResult.Failed(invalid);
        }

        await _gate.WaitAsync(ct);
        try
        {
            var current = await CurrentStatusAsync(subject, request.SubjectId, ct);
            if (current is null)
            {
                return ModerationChangeResult.Failed($"There is no {CaseText.Subject(subject)} {request.SubjectId}.");
            }

            var status = TargetStatus(request.Kind);
            if (current == status && request.Kind != ModerationActionKind.ApproveVideo)
            {
                return ModerationChangeResult.Failed($"The {CaseText.Subject(subject)} is already {CaseText.EngineStatus(subject, status)}.");
            }

            await using var db = await contexts.CreateDbContextAsync(ct);
            var action = new ModerationAction
            {
                Kind = request.Kind,
                Subject = subject,
                SubjectId = request.SubjectId,
                CaseId = request.CaseId,
                ReasonCode = request.ReasonCode,
                Note = request.Note.Trim(),
                RequestedBy = caller.Name,
                RequestedAt = Now(),
                ToStatus = status,
            };

            if (NeedsSecondPerson(request.Kind) && !caller.IsInRole(StaffRoles.Admin))
            {
                if (await db.ModerationActions.AnyAsync(a => a.State == ModerationActionState.Pending && a.Kind == request.Kind && a.Subject == subject && a.SubjectId == request.SubjectId, ct))
                {
                    return ModerationChangeResult.Failed($"A {CaseText.Action(request.Kind).ToLowerInvariant()} request for this {CaseText.Subject(subject)} is already waiting for a second moderator.");
                }

                action.State = ModerationActionState.Pending;
                action.FromStatus = current;
                db.ModerationActions.Add(action);
                await db.SaveChangesAsync(CancellationToken.None);
                await audit.AppendAsync(Record(caller.Actor, AuditActions.ModerationRequested, action, current, current.Value), CancellationToken.None);
                return ModerationChangeResult.Ok(action, pending: true);
            }

            var applied = await ApplyAsync(subject, request.SubjectId, status, caller.Name);
            if (applied.Error is { } error)
            {
                return ModerationChangeResult.Failed(error);
            }

            action.State = ModerationActionState.Applied;
            action.AppliedAt = Now();
            action.FromStatus = applied.Before;
            db.ModerationActions.Add(action);
            await db.SaveChangesAsync(CancellationToken.None);
            await CloseCasesAsync(db, action, caller.Name);
            await audit.AppendAsync(Record(caller.Actor, AuditActions.ModerationApplied, action, applied.Before, status), CancellationToken.None);
            return ModerationChangeResult.Ok(action);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A second moderator approves a pending ban or block; it takes effect now.</summary>
    public async Task<ModerationChangeResult> ApproveAsync(StaffCaller caller, long actionId, string? note, CancellationToken ct = default)
    {
        if (!await authorization.DemandAsync(caller, Policies.Moderate, $"approve moderation action {actionId}", $"moderation-action:{actionId}", ct))
        {
            return ModerationChangeResult.Failed(StaffAuthorization.RefusalMessage(Policies.Moderate));
        }

        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var action = await LockActionAsync(db, actionId, ct);
            if (Pending(action, actionId) is { } problem)
            {
                return ModerationChangeResult.Failed(problem);
            }

            if (string.Equals(action!.RequestedBy, caller.Name, StringComparison.OrdinalIgnoreCase))
            {
                return ModerationChangeResult.Failed("You asked for this yourself: a second, different moderator (or an administrator) has to approve it.");
            }

            var applied = await ApplyAsync(action.Subject, action.SubjectId, action.ToStatus, $"{action.RequestedBy}, approved by {caller.Name}");
            if (applied.Error is { } error)
            {
                return ModerationChangeResult.Failed(error);
            }

            action.State = ModerationActionState.Applied;
            action.DecidedBy = caller.Name;
            action.DecidedAt = action.AppliedAt = Now();
            action.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : Fit(note.Trim(), ModerationAction.NoteMaxLength);
            action.FromStatus = applied.Before;
            await db.SaveChangesAsync(CancellationToken.None);
            await CloseCasesAsync(db, action, caller.Name);
            await CommitAsync(db);
            await audit.AppendAsync(Record(caller.Actor, AuditActions.ModerationApproved, action, applied.Before, action.ToStatus), CancellationToken.None);
            return ModerationChangeResult.Ok(action);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A second moderator turns a pending ban or block down (the one who asked may withdraw it the same way); nothing changes in feeds.</summary>
    public async Task<ModerationChangeResult> RejectAsync(StaffCaller caller, long actionId, string note, CancellationToken ct = default)
    {
        if (!await authorization.DemandAsync(caller, Policies.Moderate, $"reject moderation action {actionId}", $"moderation-action:{actionId}", ct))
        {
            return ModerationChangeResult.Failed(StaffAuthorization.RefusalMessage(Policies.Moderate));
        }

        note = (note ?? "").Trim();
        if (note.Length == 0)
        {
            return ModerationChangeResult.Failed("Write a note that says why it should not go ahead.");
        }

        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var action = await LockActionAsync(db, actionId, ct);
            if (Pending(action, actionId) is { } problem)
            {
                return ModerationChangeResult.Failed(problem);
            }

            action!.State = ModerationActionState.Rejected;
            action.DecidedBy = caller.Name;
            action.DecidedAt = Now();
            action.DecisionNote = Fit(note, ModerationAction.NoteMaxLength);
            await db.SaveChangesAsync(CancellationToken.None);
            await CommitAsync(db);
            await audit.AppendAsync(Record(caller.Actor, AuditActions.ModerationRejected, action, action.FromStatus, action.FromStatus ?? action.ToStatus, note), CancellationToken.None);
            return ModerationChangeResult.Ok(action);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Undoes an action in effect: the subject goes back to the status it had before. Refused when the subject has
    /// changed since (reverse the later action first), so a reversal never undoes someone else's decision by accident.
    /// </summary>
    public async Task<ModerationChangeResult> ReverseAsync(StaffCaller caller, long actionId, string reasonCode, string note, CancellationToken ct = default)
    {
        if (!await authorization.DemandAsync(caller, Policies.Moderate, $"reverse moderation action {actionId}", $"moderation-action:{actionId}", ct))
        {
            return ModerationChangeResult.Failed(StaffAuthorization.RefusalMessage(Policies.Moderate));
        }

        if (CheckReasonAndNote(ModerationActionKind.Reversal, reasonCode, note) is { } invalid)
        {
            return ModerationChangeResult.Failed(invalid);
        }

        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var original = await LockActionAsync(db, actionId, ct);
            if (original is null)
            {
                return ModerationChangeResult.Failed($"There is no moderation action {actionId}.");
            }

            if (original.Kind == ModerationActionKind.Reversal)
            {
                return ModerationChangeResult.Failed("A reversal cannot itself be reversed; take a new action instead.");
            }

            if (original.State != ModerationActionState.Applied || original.FromStatus is not { } previous)
            {
                return ModerationChangeResult.Failed(original.State switch
                {
                    ModerationActionState.Reversed => "This action was reversed already.",
                    ModerationActionState.Pending => "This action has not taken effect yet; reject it instead.",
                    _ => "This action never took effect, so there is nothing to reverse.",
                });
            }

            var current = await CurrentStatusAsync(original.Subject, original.SubjectId, ct);
            if (current != original.ToStatus)
            {
                return ModerationChangeResult.Failed($"The {CaseText.Subject(original.Subject)} has changed since this action (it is {(current is { } c ? CaseText.EngineStatus(original.Subject, c) : "gone")} now); reverse the later action first.");
            }

            var now = Now();
            var applied = await ApplyAsync(original.Subject, original.SubjectId, previous, caller.Name);
            if (applied.Error is { } error)
            {
                return ModerationChangeResult.Failed(error);
            }

            var reversal = new ModerationAction
            {
                Kind = ModerationActionKind.Reversal,
                Subject = original.Subject,
                SubjectId = original.SubjectId,
                CaseId = original.CaseId,
                ReasonCode = reasonCode,
                Note = note.Trim(),
                State = ModerationActionState.Applied,
                RequestedBy = caller.Name,
                RequestedAt = now,
                AppliedAt = now,
                FromStatus = applied.Before,
                ToStatus = previous,
                ReversesActionId = original.Id,
            };
            db.ModerationActions.Add(reversal);
            await db.SaveChangesAsync(CancellationToken.None);
            original.State = ModerationActionState.Reversed;
            original.ReversedByActionId = reversal.Id;
            await db.SaveChangesAsync(CancellationToken.None);
            await CommitAsync(db);
            await audit.AppendAsync(Record(caller.Actor, AuditActions.ModerationReversed, reversal, applied.Before, previous), CancellationToken.None);
            return ModerationChangeResult.Ok(reversal);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string? CheckReasonAndNote(ModerationActionKind kind, string? reasonCode, string? note)
    {
        if (!ModerationReasons.IsValid(kind, reasonCode))
        {
            return $"Choose a reason from the list: {string.Join(", ", ModerationReasons.For(kind).Select(ModerationReasons.Label))}.";
        }

        var text = (note ?? "").Trim();
        if (text.Length == 0)
        {
            return "Write a note that says what you saw and why you decided this; the next moderator and the audit read it.";
        }

        return text.Length > ModerationAction.NoteMaxLength ? $"Keep the note to {ModerationAction.NoteMaxLength:N0} characters or fewer." : null;
    }

    private static string? Pending(ModerationAction? action, long actionId) => action switch
    {
        null => $"There is no moderation action {actionId}.",
        { State: ModerationActionState.Pending } => null,
        { State: ModerationActionState.Rejected } => $"This request was already rejected by {action.DecidedBy}.",
        _ => $"This request was already approved by {action.DecidedBy ?? action.RequestedBy}.",
    };

    private async Task<int?> CurrentStatusAsync(ModerationSubject subject, int id, CancellationToken ct) => subject switch
    {
        ModerationSubject.Video => (int?)(await catalog.GetVideoAsync(id, ct))?.Moderation,
        ModerationSubject.Creator => (int?)(await catalog.GetCreatorAsync(id, ct))?.Status,
        _ => (int?)(await catalog.GetSoundAsync(id, ct))?.Status,
    };

    /// <summary>The engine's side: the status, its own history row and what feeds may serve, all before this returns.</summary>
    private async Task<(int Before, string? Error)> ApplyAsync(ModerationSubject subject, int id, int status, string by)
    {
        var result = subject switch
        {
            ModerationSubject.Video => await moderation.SetVideoAsync(id, (ModerationStatus)status, by, CancellationToken.None),
            ModerationSubject.Creator => await moderation.SetCreatorAsync(id, (CreatorStatus)status, by, CancellationToken.None),
            _ => await moderation.SetSoundAsync(id, (SoundStatus)status, by, CancellationToken.None),
        };
        if (!result.Succeeded)
        {
            log.LogWarning("Moderation of {Subject} {Id} failed: {Error}", subject, id, result.Error);
        }

        return result.Succeeded ? (result.Before, null) : (0, result.Error);
    }

    /// <summary>
    /// A decision about a video closes every open case about it; a decision about a creator or sound closes the case
    /// it was taken from.
    /// </summary>
    private async Task CloseCasesAsync(PortalDbContext db, ModerationAction action, string by)
    {
        var cases = action.Subject == ModerationSubject.Video
            ? await db.ModerationCases.Where(c => c.VideoId == action.SubjectId && c.Status != CaseStatus.Closed).ToListAsync()
            : await db.ModerationCases.Where(c => c.Id == action.CaseId && c.Status != CaseStatus.Closed).ToListAsync();
        if (cases.Count == 0)
        {
            return;
        }

        var now = Now();
        foreach (var row in cases)
        {
            row.Status = CaseStatus.Closed;
            row.ClosedAt = now;
            row.ClosedBy = by;
            row.Resolution = Fit($"{CaseText.Done(action.Kind)} ({ModerationReasons.Label(action.ReasonCode)}): {action.Note}", ModerationCase.NoteMaxLength + 200);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static AuditRecord Record(AuditActor actor, string auditAction, ModerationAction action, int? before, int after, string? reason = null) => new(
        actor,
        auditAction,
        CaseText.Target(action.Subject, action.SubjectId),
        before is { } b ? AuditJson.Serialize(new { status = CaseText.EngineStatus(action.Subject, b) }) : null,
        AuditJson.Serialize(new
        {
            status = CaseText.EngineStatus(action.Subject, after),
            action = action.Kind.ToString(),
            actionId = action.Id,
            state = action.State.ToString(),
            requestedBy = action.RequestedBy,
            caseId = action.CaseId,
            reverses = action.ReversesActionId,
        }),
        reason ?? $"{action.ReasonCode}: {action.Note}");

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    /// <summary>
    /// Reads a moderation action to decide on it. On PostgreSQL, where another instance may decide on the same action
    /// at the same moment, the row stays locked (a transaction, <c>FOR UPDATE</c>) until <see cref="CommitAsync"/>:
    /// the second decision then sees the first and is refused, instead of both applying. One instance already takes
    /// turns through its gate.
    /// </summary>
    private static async Task<ModerationAction?> LockActionAsync(PortalDbContext db, long actionId, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return await db.ModerationActions.SingleOrDefaultAsync(a => a.Id == actionId, ct);
        }

        await db.Database.BeginTransactionAsync(ct);
        var rows = await db.ModerationActions.FromSqlInterpolated($"SELECT * FROM \"ModerationActions\" WHERE \"Id\" = {actionId} FOR UPDATE").ToListAsync(ct);
        return rows.SingleOrDefault();
    }

    private static async Task CommitAsync(PortalDbContext db)
    {
        if (db.Database.CurrentTransaction is { } transaction)
        {
            await transaction.CommitAsync(CancellationToken.None);
        }
    }
}

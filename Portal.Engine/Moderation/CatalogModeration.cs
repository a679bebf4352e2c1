using Microsoft.EntityFrameworkCore;
using Portal.Engine.Catalog;
using Portal.Engine.Feed;
using Portal.Engine.Storage;

namespace Portal.Engine.Moderation;

/// <summary>
/// Changes the moderation status of a video, creator or sound: the row, a history entry, and what the feed may serve,
/// all before the call returns, so the change takes effect on the very next feed request. Reasons, cases and the
/// two-person rule belong to the portal; this is the engine's side of an action.
/// </summary>
public sealed class CatalogModeration(IDbContextFactory<EngineDbContext> contexts, ServingState serving, SharedChanges shared, TimeProvider time)
{
    public Task<ModerationResult> SetVideoAsync(int videoId, ModerationStatus status, string by, CancellationToken ct = default) =>
        ChangeAsync(ModerationSubject.Video, videoId, (int)status, by, ct);

    public Task<ModerationResult> SetCreatorAsync(int creatorId, CreatorStatus status, string by, CancellationToken ct = default) =>
        ChangeAsync(ModerationSubject.Creator, creatorId, (int)status, by, ct);

    public Task<ModerationResult> SetSoundAsync(int soundId, SoundStatus status, string by, CancellationToken ct = default) =>
        ChangeAsync(ModerationSubject.Sound, soundId, (int)status, by, ct);

    /// <summary>A subject's changes, oldest first.</summary>
    public async Task<IReadOnlyList<ModerationChange>> HistoryAsync(ModerationSubject subject, int id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ModerationChanges.AsNoTracking().Where(c => c.Subject == subject && c.SubjectId == id).OrderBy(c => c.Id).ToListAsync(ct);
    }

    /// <summary>
    /// What could be served at <paramref name="at"/>: today's statuses with every change made after that moment undone.
    /// </summary>
    public async Task<VideoAvailability> AvailabilityAtAsync(CatalogSnapshot catalog, VideoAvailability current, DateTime at, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var later = await db.ModerationChanges.AsNoTracking().Where(c => c.At > at).OrderByDescending(c => c.Id).ToListAsync(ct);
        var availability = current;
        foreach (var change in later)
        {
            availability = change.Subject switch
            {
                ModerationSubject.Video when catalog.IndexOf(change.SubjectId) is var v and >= 0 => availability.WithVideo(v, (ModerationStatus)change.From),
                ModerationSubject.Creator when catalog.CreatorIndexOf(change.SubjectId) is var c and >= 0 => availability.WithCreator(c, (CreatorStatus)change.From),
                ModerationSubject.Sound when catalog.SoundIndexOf(change.SubjectId) is var s and >= 0 => availability.WithSound(s, (SoundStatus)change.From),
                _ => availability,
            };
        }

        return availability;
    }

    private async Task<ModerationResult> ChangeAsync(ModerationSubject subject, int id, int status, string by, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        int before;
        switch (subject)
        {
            case ModerationSubject.Video:
                var video = await db.Videos.SingleOrDefaultAsync(v => v.Id == id, ct);
                if (video is null)
                {
                    return ModerationResult.Failed($"There is no video {id}.");
                }

                before = (int)video.Moderation;
                video.Moderation = (ModerationStatus)status;
                break;
            case ModerationSubject.Creator:
                var creator = await db.Creators.SingleOrDefaultAsync(c => c.Id == id, ct);
                if (creator is null)
                {
                    return ModerationResult.Failed($"There is no creator {id}.");
                }

                before = (int)creator.Status;
                creator.Status = (CreatorStatus)status;
                break;
            default:
                var sound = await db.Sounds.SingleOrDefaultAsync(s => s.Id == id, ct);
                if (sound is null)
                {
                    return ModerationResult.Failed($"There is no sound {id}.");
                }

                before = (int)sound.Status;
                sound.Status = (SoundStatus)status;
                break;
        }

        if (before == status)
        {
            return new ModerationResult(true, null, before, status);
        }

        db.ModerationChanges.Add(new ModerationChange { Subject = subject, SubjectId = id, From = before, To = status, At = now, ChangedBy = by });
        await db.SaveChangesAsync(ct);
        var changed = await shared.BumpAsync(db, SharedChanges.Moderation, ct);
        await transaction.CommitAsync(ct);

        if (serving.TryGetCurrent() is { } snapshot)
        {
            var catalog = snapshot.Catalog;
            serving.ApplyAvailability(a => subject switch
            {
                ModerationSubject.Video when catalog.IndexOf(id) is var v and >= 0 => a.WithVideo(v, (ModerationStatus)status),
                ModerationSubject.Creator when catalog.CreatorIndexOf(id) is var c and >= 0 => a.WithCreator(c, (CreatorStatus)status),
                ModerationSubject.Sound when catalog.SoundIndexOf(id) is var s and >= 0 => a.WithSound(s, (SoundStatus)status),
                _ => a,
            });
            shared.Remember(SharedChanges.Moderation, changed);
        }

        return new ModerationResult(true, null, before, status);
    }
}

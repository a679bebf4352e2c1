using Microsoft.EntityFrameworkCore;
using Portal.Engine.Storage;

namespace Portal.Engine.Catalog;

/// <summary>Reads single videos, creators and sounds with their moderation status from the database (not the serving snapshot), for moderation.</summary>
public sealed class CatalogLookup(IDbContextFactory<EngineDbContext> contexts)
{
    public const int MaxPageSize = 200;

    public async Task<VideoDetails?> GetVideoAsync(int id, CancellationToken ct = default) =>
        (await GetVideosAsync([id], ct)).GetValueOrDefault(id);

    /// <summary>The videos among <paramref name="ids"/> that exist, by id.</summary>
    public async Task<IReadOnlyDictionary<int, VideoDetails>> GetVideosAsync(IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<int, VideoDetails>();
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var list = ids.Distinct().ToList();
        var rows = await Details(db.Videos.AsNoTracking().Where(v => list.Contains(v.Id))).ToListAsync(ct);
        var tags = await TagsAsync(db, list, ct);
        return rows.ToDictionary(v => v.Id, v => v with { Hashtags = tags[v.Id].ToList() });
    }

    /// <summary>A page of a creator's videos, newest first.</summary>
    public Task<Page<VideoDetails>> VideosOfCreatorAsync(int creatorId, int pageIndex, int pageSize, CancellationToken ct = default) =>
        PageAsync(db => db.Videos.Where(v => v.CreatorId == creatorId), pageIndex, pageSize, ct);

    /// <summary>A page of the videos that use a sound, newest first.</summary>
    public Task<Page<VideoDetails>> VideosWithSoundAsync(int soundId, int pageIndex, int pageSize, CancellationToken ct = default) =>
        PageAsync(db => db.Videos.Where(v => v.SoundId == soundId), pageIndex, pageSize, ct);

    public async Task<CreatorDetails?> GetCreatorAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Creators.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new CreatorDetails(c.Id, c.Handle, c.DisplayName, c.Country, c.CreatedAt, c.Status, db.Videos.Count(v => v.CreatorId == c.Id)))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<SoundDetails?> GetSoundAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Sounds.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new SoundDetails(s.Id, s.Title, s.Artist, s.IsOriginal, s.CreatedAt, s.Status, db.Videos.Count(v => v.SoundId == s.Id)))
            .SingleOrDefaultAsync(ct);
    }

    private async Task<Page<VideoDetails>> PageAsync(Func<EngineDbContext, IQueryable<Video>> filter, int pageIndex, int pageSize, CancellationToken ct)
    {
        pageIndex = Math.Max(0, pageIndex);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = filter(db).AsNoTracking();
        var total = await query.CountAsync(ct);
        var rows = await Details(query.OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id).Skip(pageIndex * pageSize).Take(pageSize)).ToListAsync(ct);
        var tags = await TagsAsync(db, rows.Select(r => r.Id).ToList(), ct);
        return new Page<VideoDetails>(rows.Select(v => v with { Hashtags = tags[v.Id].ToList() }).ToList(), total, pageIndex, pageSize);
    }

    private static IQueryable<VideoDetails> Details(IQueryable<Video> videos) =>
        videos.Select(v => new VideoDetails(
            v.Id,
            v.Caption,
            Array.Empty<string>(),
            v.Language,
            v.OriginCountry,
            v.DurationSeconds,
            v.CreatedAt,
            v.Moderation,
            v.CreatorId,
            v.Creator!.Handle,
            v.Creator.Status,
            v.SoundId,
            v.Sound!.Title,
            v.Sound.Artist,
            v.Sound.Status));

    private static async Task<ILookup<int, string>> TagsAsync(EngineDbContext db, List<int> videoIds, CancellationToken ct)
    {
        var rows = await db.VideoHashtags.AsNoTracking()
            .Where(h => videoIds.Contains(h.VideoId))
            .OrderBy(h => h.VideoId).ThenBy(h => h.Position)
            .Select(h => new { h.VideoId, h.Hashtag!.Tag })
            .ToListAsync(ct);
        return rows.ToLookup(r => r.VideoId, r => r.Tag);
    }
}

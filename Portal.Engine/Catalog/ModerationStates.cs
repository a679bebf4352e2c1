using Microsoft.EntityFrameworkCore;
using Portal.Engine.Storage;

namespace Portal.Engine.Catalog;

/// <summary>Reads the live moderation state of videos, creators and sounds into a <see cref="VideoAvailability"/>.</summary>
public sealed class ModerationStates(IDbContextFactory<EngineDbContext> contexts)
{
    public async Task<VideoAvailability> LoadAvailabilityAsync(CatalogSnapshot catalog, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var videos = (ModerationStatus[])catalog.Moderation.Clone();
        var creators = (CreatorStatus[])catalog.CreatorStatus.Clone();
        var sounds = (SoundStatus[])catalog.SoundStatus.Clone();

        foreach (var v in await db.Videos.AsNoTracking().Select(v => new { v.Id, v.Moderation }).ToListAsync(ct))
        {
            var index = catalog.IndexOf(v.Id);
            if (index >= 0)
            {
                videos[index] = v.Moderation;
            }
        }

        foreach (var c in await db.Creators.AsNoTracking().Select(c => new { c.Id, c.Status }).ToListAsync(ct))
        {
            var index = catalog.CreatorIndexOf(c.Id);
            if (index >= 0)
            {
                creators[index] = c.Status;
            }
        }

        foreach (var s in await db.Sounds.AsNoTracking().Select(s => new { s.Id, s.Status }).ToListAsync(ct))
        {
            var index = catalog.SoundIndexOf(s.Id);
            if (index >= 0)
            {
                sounds[index] = s.Status;
            }
        }

        return VideoAvailability.From(catalog, videos, creators, sounds);
    }
}

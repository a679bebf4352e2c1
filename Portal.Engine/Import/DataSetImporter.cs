using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Engine.Catalog;
using Portal.Engine.Storage;

namespace Portal.Engine.Import;

/// <summary>
/// Imports a public data set into the engine database: reads it (<see cref="IDataSetReader"/>; a file of the wrong
/// shape stops everything before anything is written), loads catalog, users and events in one transaction, and tells
/// the serving state to reload. Like seeding, it refuses a database that already holds videos or users unless told to
/// replace them.
/// </summary>
public sealed class DataSetImporter(IDbContextFactory<EngineDbContext> contexts, CatalogChanges changes)
{
    /// <exception cref="DatabaseNotEmptyException">The database holds data and <paramref name="force"/> is not set.</exception>
    /// <exception cref="ImportFileException">A file is missing or not of the expected shape; nothing was written.</exception>
    public async Task<ImportReport> ImportAsync(IDataSetReader reader, string path, bool force, Action<string>? log = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var videos = await db.Videos.CountAsync(ct);
        var users = await db.Users.CountAsync(ct);
        if ((videos > 0 || users > 0) && !force)
        {
            throw new DatabaseNotEmptyException(videos, users);
        }

        var clock = Stopwatch.StartNew();
        var data = await Task.Run(() => reader.Read(path, log, ct), ct);
        var readTime = clock.Elapsed;

        clock.Restart();
        await db.Database.OpenConnectionAsync(ct);
        long events;
        try
        {
            var load = BulkLoad.For(db);
            events = await Task.Run(() => ImportLoader.Load(load, data, replaceExisting: force, log, ct), ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var loadTime = clock.Elapsed;
        await changes.NotifyChangedAsync(ct);
        return new ImportReport(
            data.Format,
            data.Layout,
            data.Files,
            data.Videos.Count,
            data.Hashtags.Count,
            data.Users.Count,
            events,
            data.Problems.Totals,
            data.Problems.First,
            readTime,
            loadTime);
    }
}

using Microsoft.Data.Sqlite;
using Portal.Engine.Events;
using Portal.Engine.Storage;
using Portal.Engine.Synthetic;

namespace Portal.Engine.Import;

/// <summary>
/// Bulk-loads imported data the way <see cref="WorldLoader"/> loads a world: one transaction (all or nothing), the
/// old data cleared first when replacing, secondary indexes dropped during the load and rebuilt once, prepared
/// multi-row inserts. Events are expanded from the interactions as they are inserted, never held as objects.
/// </summary>
internal static class ImportLoader
{
    public static long Load(SqliteConnection connection, ImportedData data, bool replaceExisting, Action<string>? log, CancellationToken ct)
    {
        using var transaction = connection.BeginTransaction();
        if (replaceExisting)
        {
            log?.Invoke("clearing what the database held");
            WorldLoader.ClearEngineTables(connection, transaction);
        }

        var indexes = WorldLoader.DropSecondaryIndexes(connection, transaction);

        log?.Invoke($"loading {data.Videos.Count:N0} videos, {data.Hashtags.Count:N0} hashtags, {data.Users.Count:N0} users");
        Insert(connection, transaction, "Creators", ["Id", "Handle", "DisplayName", "Country", "Language", "CreatedAt", "Status"], data.Creators, (c, v) =>
        {
            v[0] = c.Id;
            v[1] = c.Handle;
            v[2] = c.DisplayName;
            v[3] = c.Country;
            v[4] = c.Language;
            v[5] = UtcDateTimeConverter.ToUnixMilliseconds(c.CreatedAt);
            v[6] = (int)c.Status;
        });
        Insert(connection, transaction, "Sounds", ["Id", "Title", "Artist", "IsOriginal", "CreatedAt", "Status"], data.Sounds, (s, v) =>
        {
            v[0] = s.Id;
            v[1] = s.Title;
            v[2] = s.Artist;
            v[3] = s.IsOriginal;
            v[4] = UtcDateTimeConverter.ToUnixMilliseconds(s.CreatedAt);
            v[5] = (int)s.Status;
        });
        Insert(connection, transaction, "Hashtags", ["Id", "Tag"], data.Hashtags, (h, v) =>
        {
            v[0] = h.Id;
            v[1] = h.Tag;
        });
        Insert(connection, transaction, "Videos", ["Id", "CreatorId", "SoundId", "Caption", "Language", "OriginCountry", "AllowedCountries", "RequiresApp", "DurationSeconds", "CreatedAt", "Moderation"], data.Videos, (x, v) =>
        {
            v[0] = x.Id;
            v[1] = x.CreatorId;
            v[2] = x.SoundId;
            v[3] = x.Caption;
            v[4] = x.Language;
            v[5] = x.OriginCountry;
            v[6] = x.AllowedCountries;
            v[7] = x.RequiresApp;
            v[8] = x.DurationSeconds;
            v[9] = UtcDateTimeConverter.ToUnixMilliseconds(x.CreatedAt);
            v[10] = (int)x.Moderation;
        });
        Insert(connection, transaction, "VideoHashtags", ["VideoId", "HashtagId", "Position"], data.Videos.SelectMany(x => x.Hashtags), (h, v) =>
        {
            v[0] = h.VideoId;
            v[1] = h.HashtagId;
            v[2] = h.Position;
        });
        Insert(connection, transaction, "AppUsers", ["Id", "Language", "Country", "Device", "CreatedAt", "Personalized"], data.Users, (u, v) =>
        {
            v[0] = u.Id;
            v[1] = u.Language;
            v[2] = u.Country;
            v[3] = (int)u.Device;
            v[4] = UtcDateTimeConverter.ToUnixMilliseconds(u.CreatedAt);
            v[5] = u.Personalized;
        });
        ct.ThrowIfCancellationRequested();

        var total = data.EventCount;
        log?.Invoke($"loading {total:N0} events");
        var daily = new Dictionary<(int Day, EngagementKind Kind), long>();
        var device = (int)data.Device;
        var events = Insert(
            connection,
            transaction,
            "Events",
            ["UserId", "VideoId", "Kind", "WatchFraction", "At", "Device"],
            Expand(data.Interactions, daily),
            (e, v) =>
            {
                v[0] = e.User;
                v[1] = e.Video;
                v[2] = (int)e.Kind;
                v[3] = e.WatchFraction;
                v[4] = e.AtMs;
                v[5] = device;
            },
            rows =>
            {
                ct.ThrowIfCancellationRequested();
                if (rows < total)
                {
                    log?.Invoke($"  {rows:N0} of {total:N0} events ({100.0 * rows / total:0} %)");
                }
            });
        Insert(connection, transaction, "EventDailyCounts", ["Day", "Kind", "Count"], daily.OrderBy(d => d.Key.Day).ThenBy(d => d.Key.Kind), (c, v) =>
        {
            v[0] = c.Key.Day;
            v[1] = (int)c.Key.Kind;
            v[2] = c.Value;
        });

        ct.ThrowIfCancellationRequested();
        log?.Invoke("indexing");
        foreach (var sql in indexes)
        {
            Execute(connection, transaction, sql);
        }

        transaction.Commit();
        Execute(connection, null, "PRAGMA optimize;");
        return events;
    }

    /// <summary>Each interaction's events (impression, watch, then like and skip when flagged), counting them per day and kind.</summary>
    private static IEnumerable<ImportedEvent> Expand(IReadOnlyList<ImportedInteraction> interactions, Dictionary<(int Day, EngagementKind Kind), long> daily)
    {
        foreach (var i in interactions)
        {
            var day = DateOnly.FromDateTime(UtcDateTimeConverter.FromUnixMilliseconds(i.AtMs)).DayNumber;
            yield return Count(new ImportedEvent(i.User, i.Video, EngagementKind.Impression, null, i.AtMs));
            yield return Count(new ImportedEvent(i.User, i.Video, EngagementKind.Watch, i.WatchFraction, i.AtMs));
            if (i.Like)
            {
                yield return Count(new ImportedEvent(i.User, i.Video, EngagementKind.Like, null, i.AtMs));
            }

            if (i.Skip)
            {
                yield return Count(new ImportedEvent(i.User, i.Video, EngagementKind.Skip, null, i.AtMs));
            }

            ImportedEvent Count(ImportedEvent e)
            {
                var key = (day, e.Kind);
                daily[key] = daily.GetValueOrDefault(key) + 1;
                return e;
            }
        }
    }

    private static long Insert<T>(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns, IEnumerable<T> rows, Action<T, object?[]> values, Action<long>? onProgress = null)
    {
        using var inserter = new SqliteBulkInserter<T>(connection, transaction, table, columns, values);
        return inserter.InsertAll(rows, onProgress, reportEvery: 500_000);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private readonly record struct ImportedEvent(long User, int Video, EngagementKind Kind, float? WatchFraction, long AtMs);
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Engine.Catalog;
using Portal.Engine.Events;
using Portal.Engine.Storage;

namespace Portal.Engine.Synthetic;

/// <summary>
/// Bulk-loads a generated world into the engine database: one transaction, prepared multi-row inserts,
/// and the secondary indexes of the big tables dropped during the load and rebuilt once at the end.
/// Either the whole world lands or none of it does.
/// </summary>
public sealed class WorldLoader(IDbContextFactory<EngineDbContext> contexts)
{
    /// <summary>Tables whose secondary indexes are rebuilt after the load instead of maintained row by row.</summary>
    private static readonly string[] ReindexedTables = ["Events", "VideoHashtags", "Videos", "AppUsers"];

    public async Task LoadAsync(World world, bool replaceExisting, IProgress<WorldSeedProgress>? progress, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await Task.Run(() => Load(connection, world, replaceExisting, progress, ct), ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Load(SqliteConnection connection, World world, bool replaceExisting, IProgress<WorldSeedProgress>? progress, CancellationToken ct)
    {
        var totalRows = (double)(world.Creators.Count + world.Sounds.Count + world.Hashtags.Count + world.Videos.Count * 3
            + world.Users.Count + world.UserInterests.Count + world.Events.Count);
        var done = 0L;

        void Report(string stage, long rows = 0) =>
            progress?.Report(new WorldSeedProgress(stage, Math.Min(95, 95 * (done + rows) / totalRows)));

        void Advance(long rows) => done += rows;

        using var transaction = connection.BeginTransaction();
        if (replaceExisting)
        {
            Report("clearing the old world");
            ClearEngineTables(connection, transaction);
        }

        var indexes = DropSecondaryIndexes(connection, transaction);

        Report("creators");
        Advance(Insert(connection, transaction, "Creators", ["Id", "Handle", "DisplayName", "Country", "Language", "CreatedAt", "Status"], world.Creators, (c, v) =>
        {
            v[0] = c.Id;
            v[1] = c.Handle;
            v[2] = c.DisplayName;
            v[3] = c.Country;
            v[4] = c.Language;
            v[5] = UtcDateTimeConverter.ToUnixMilliseconds(c.CreatedAt);
            v[6] = (int)c.Status;
        }));
        ct.ThrowIfCancellationRequested();

        Report("sounds");
        Advance(Insert(connection, transaction, "Sounds", ["Id", "Title", "Artist", "IsOriginal", "CreatedAt", "Status"], world.Sounds, (s, v) =>
        {
            v[0] = s.Id;
            v[1] = s.Title;
            v[2] = s.Artist;
            v[3] = s.IsOriginal;
            v[4] = UtcDateTimeConverter.ToUnixMilliseconds(s.CreatedAt);
            v[5] = (int)s.Status;
        }));

        Report("hashtags");
        Advance(Insert(connection, transaction, "Hashtags", ["Id", "Tag"], world.Hashtags, (h, v) =>
        {
            v[0] = h.Id;
            v[1] = h.Tag;
        }));

        Report("videos");
        Advance(Insert(connection, transaction, "Videos", ["Id", "CreatorId", "SoundId", "Caption", "Language", "OriginCountry", "AllowedCountries", "RequiresApp", "DurationSeconds", "CreatedAt", "Moderation"], world.Videos, (x, v) =>
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
        }));
        ct.ThrowIfCancellationRequested();

        Report("video hashtags");
        Advance(Insert(connection, transaction, "VideoHashtags", ["VideoId", "HashtagId", "Position"], world.Videos.SelectMany(x => x.Hashtags), (h, v) =>
        {
            v[0] = h.VideoId;
            v[1] = h.HashtagId;
            v[2] = h.Position;
        }));

        Report("world truth");
        Insert(connection, transaction, "WorldVideoTruth", ["VideoId", "Theme", "Quality"], world.VideoTruths, (t, v) =>
        {
            v[0] = t.VideoId;
            v[1] = t.Theme;
            v[2] = t.Quality;
        });
        Insert(connection, transaction, "WorldCreatorTruth", ["CreatorId", "PrimaryTheme", "SecondaryTheme", "Quality"], world.CreatorTruths, (t, v) =>
        {
            v[0] = t.CreatorId;
            v[1] = t.PrimaryTheme;
            v[2] = t.SecondaryTheme;
            v[3] = t.Quality;
        });
        Insert(connection, transaction, "WorldSoundTruth", ["SoundId", "Theme", "Appeal", "Popularity"], world.SoundTruths, (t, v) =>
        {
            v[0] = t.SoundId;
            v[1] = t.Theme;
            v[2] = t.Appeal;
            v[3] = t.Popularity;
        });
        Advance(world.Videos.Count);

        Report("users");
        Advance(Insert(connection, transaction, "AppUsers", ["Id", "Language", "Country", "Device", "CreatedAt", "Personalized"], world.Users, (u, v) =>
        {
            v[0] = u.Id;
            v[1] = u.Language;
            v[2] = u.Country;
            v[3] = (int)u.Device;
            v[4] = UtcDateTimeConverter.ToUnixMilliseconds(u.CreatedAt);
            v[5] = u.Personalized;
        }));
        Advance(Insert(connection, transaction, "WorldUserInterests", ["UserId", "Theme", "Weight"], world.UserInterests, (i, v) =>
        {
            v[0] = i.UserId;
            v[1] = i.Theme;
            v[2] = i.Weight;
        }));
        ct.ThrowIfCancellationRequested();

        Report("events");
        var eventsBefore = done;
        Advance(Insert(
            connection,
            transaction,
            "Events",
            ["UserId", "VideoId", "Kind", "WatchFraction", "At", "Device"],
            world.Events,
            (e, v) =>
            {
                v[0] = e.UserId;
                v[1] = e.VideoId;
                v[2] = (int)e.Kind;
                v[3] = e.WatchFraction;
                v[4] = UtcDateTimeConverter.ToUnixMilliseconds(e.At);
                v[5] = e.Device is { } device ? (int)device : null;
            },
            rows =>
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new WorldSeedProgress("events", Math.Min(95, 95 * (eventsBefore + rows) / totalRows)));
            }));

        Insert(connection, transaction, "EventDailyCounts", ["Day", "Kind", "Count"], DailyCounts(world.Events), (c, v) =>
        {
            v[0] = c.Day.DayNumber;
            v[1] = (int)c.Kind;
            v[2] = c.Count;
        });

        Insert(connection, transaction, "World", ["Preset", "Seed", "Anchor", "GeneratedAt", "Videos", "Creators", "Sounds", "Users", "Events"], [world], (w, v) =>
        {
            v[0] = w.Spec.Preset.Name;
            v[1] = w.Spec.Seed;
            v[2] = UtcDateTimeConverter.ToUnixMilliseconds(w.Spec.Anchor);
            v[3] = UtcDateTimeConverter.ToUnixMilliseconds(DateTime.UtcNow);
            v[4] = w.Videos.Count;
            v[5] = w.Creators.Count;
            v[6] = w.Sounds.Count;
            v[7] = w.Users.Count;
            v[8] = w.Events.Count;
        });

        ct.ThrowIfCancellationRequested();
        progress?.Report(new WorldSeedProgress("indexing", 96));
        foreach (var sql in indexes)
        {
            Execute(connection, transaction, sql);
        }

        transaction.Commit();
        progress?.Report(new WorldSeedProgress("analysing", 99));
        Execute(connection, null, "PRAGMA optimize;");
        progress?.Report(new WorldSeedProgress("done", 100));
    }

    internal static IEnumerable<EventDailyCount> DailyCounts(IEnumerable<EngagementEvent> events) =>
        events.GroupBy(e => (Day: DateOnly.FromDateTime(e.At), e.Kind))
            .Select(g => new EventDailyCount { Day = g.Key.Day, Kind = g.Key.Kind, Count = g.LongCount() })
            .OrderBy(c => c.Day).ThenBy(c => c.Kind);

    private static long Insert<T>(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns, IEnumerable<T> rows, Action<T, object?[]> values, Action<long>? onProgress = null)
    {
        using var inserter = new SqliteBulkInserter<T>(connection, transaction, table, columns, values);
        return inserter.InsertAll(rows, onProgress);
    }

    /// <summary>
    /// Empties every engine table, keeping the migration history. Tables are emptied children first (a table
    /// goes once no remaining table references it), so no cascade ever walks millions of rows.
    /// </summary>
    internal static void ClearEngineTables(SqliteConnection connection, SqliteTransaction transaction)
    {
        var references = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = """
                SELECT m.name, f."table"
                FROM sqlite_master m LEFT JOIN pragma_foreign_key_list(m.name) f
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__EFMigrationsHistory'
                """;
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                var table = reader.GetString(0);
                if (!references.TryGetValue(table, out var parents))
                {
                    references[table] = parents = new HashSet<string>(StringComparer.Ordinal);
                }

                if (!reader.IsDBNull(1) && reader.GetString(1) != table)
                {
                    parents.Add(reader.GetString(1));
                }
            }
        }

        var remaining = new HashSet<string>(references.Keys, StringComparer.Ordinal);
        while (remaining.Count > 0)
        {
            var leaf = remaining.Where(t => !remaining.Any(other => references[other].Contains(t))).Order(StringComparer.Ordinal).FirstOrDefault()
                ?? remaining.Order(StringComparer.Ordinal).First();
            Execute(connection, transaction, $"DELETE FROM \"{leaf}\";");
            remaining.Remove(leaf);
        }
    }

    internal static List<string> DropSecondaryIndexes(SqliteConnection connection, SqliteTransaction transaction)
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", ReindexedTables.Select(t => $"'{t}'"))})";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            Execute(connection, transaction, $"DROP INDEX \"{name}\";");
        }

        return indexes.Select(i => i.Sql).ToList();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

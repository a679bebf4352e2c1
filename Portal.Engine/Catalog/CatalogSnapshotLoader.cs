using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Engine.Storage;

namespace Portal.Engine.Catalog;

/// <summary>Reads the whole catalog into a <see cref="CatalogSnapshot"/> with plain readers (100k videos in well under a second).</summary>
public sealed class CatalogSnapshotLoader(IDbContextFactory<EngineDbContext> contexts, TimeProvider time)
{
    public async Task<CatalogSnapshot> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();

        var creatorIds = new List<int>();
        var creatorHandles = new List<string>();
        var creatorStatus = new List<CreatorStatus>();
        await ReadAsync(connection, "SELECT \"Id\", \"Handle\", \"Status\" FROM \"Creators\" ORDER BY \"Id\"", r =>
        {
            creatorIds.Add(r.GetInt32(0));
            creatorHandles.Add(r.GetString(1));
            creatorStatus.Add((CreatorStatus)r.GetInt32(2));
        }, ct);

        var soundIds = new List<int>();
        var soundTitles = new List<string>();
        var soundStatus = new List<SoundStatus>();
        await ReadAsync(connection, "SELECT \"Id\", \"Title\", \"Status\" FROM \"Sounds\" ORDER BY \"Id\"", r =>
        {
            soundIds.Add(r.GetInt32(0));
            soundTitles.Add(r.GetString(1));
            soundStatus.Add((SoundStatus)r.GetInt32(2));
        }, ct);

        var hashtagIndex = new Dictionary<int, int>();
        var hashtagTags = new List<string>();
        await ReadAsync(connection, "SELECT \"Id\", \"Tag\" FROM \"Hashtags\" ORDER BY \"Id\"", r =>
        {
            hashtagIndex[r.GetInt32(0)] = hashtagTags.Count;
            hashtagTags.Add(r.GetString(1));
        }, ct);

        var creatorIndex = creatorIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var soundIndex = soundIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var languages = new List<string> { "" };
        var countries = new List<string>();
        var videoIndex = new Dictionary<int, int>();

        var videoIds = new List<int>();
        var creatorOf = new List<int>();
        var soundOf = new List<int>();
        var languageOf = new List<byte>();
        var allowed = new List<short[]?>();
        var requiresApp = new List<bool>();
        var createdAt = new List<long>();
        var duration = new List<int>();
        var moderation = new List<ModerationStatus>();
        var captions = new List<string>();
        await ReadAsync(
            connection,
            "SELECT \"Id\", \"CreatorId\", \"SoundId\", \"Language\", \"AllowedCountries\", \"RequiresApp\", \"CreatedAt\", \"DurationSeconds\", \"Moderation\", \"Caption\" FROM \"Videos\" ORDER BY \"Id\"",
            r =>
            {
                var id = r.GetInt32(0);
                videoIndex[id] = videoIds.Count;
                videoIds.Add(id);
                creatorOf.Add(creatorIndex[r.GetInt32(1)]);
                soundOf.Add(soundIndex[r.GetInt32(2)]);
                languageOf.Add(r.IsDBNull(3) ? (byte)0 : (byte)IndexOf(languages, r.GetString(3)));
                allowed.Add(r.IsDBNull(4) ? null : r.GetString(4).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => (short)IndexOf(countries, c)).ToArray());
                requiresApp.Add(r.GetBoolean(5));
                createdAt.Add(r.GetInt64(6));
                duration.Add(r.GetInt32(7));
                moderation.Add((ModerationStatus)r.GetInt32(8));
                captions.Add(r.GetString(9));
            },
            ct);

        var hashtags = new List<int>[videoIds.Count];
        await ReadAsync(connection, "SELECT \"VideoId\", \"HashtagId\" FROM \"VideoHashtags\" ORDER BY \"VideoId\", \"Position\"", r =>
        {
            if (videoIndex.TryGetValue(r.GetInt32(0), out var v) && hashtagIndex.TryGetValue(r.GetInt32(1), out var h))
            {
                (hashtags[v] ??= []).Add(h);
            }
        }, ct);

        // Make sure every country users live in has an index, even if no video is region-locked to it.
        await ReadAsync(connection, "SELECT DISTINCT \"Country\" FROM \"AppUsers\"", r => IndexOf(countries, r.GetString(0)), ct);

        return new CatalogSnapshot(
            time.GetUtcNow().UtcDateTime,
            [.. videoIds],
            [.. creatorOf],
            [.. soundOf],
            [.. languageOf],
            [.. languages],
            [.. allowed],
            [.. countries],
            [.. requiresApp],
            [.. createdAt],
            [.. duration],
            [.. moderation],
            [.. captions],
            hashtags.Select(h => h is null ? Array.Empty<int>() : h.ToArray()).ToArray(),
            [.. hashtagTags],
            [.. creatorIds],
            [.. creatorHandles],
            [.. creatorStatus],
            [.. soundIds],
            [.. soundTitles],
            [.. soundStatus]);
    }

    private static int IndexOf(List<string> values, string value)
    {
        var index = values.IndexOf(value);
        if (index < 0)
        {
            index = values.Count;
            values.Add(value);
        }

        return index;
    }

    private static async Task ReadAsync(DbConnection connection, string sql, Action<DbDataReader> row, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }
}

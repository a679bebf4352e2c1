using Microsoft.EntityFrameworkCore;
using Portal.Engine.Events;
using Portal.Engine.Storage;
using Portal.Engine.Training;

namespace Portal.Engine.Evaluation;

/// <summary>Reads what the offline protocols evaluate on from the engine database: ratings back from imported MovieLens, or every event.</summary>
public sealed class HoldoutDataReader(IDbContextFactory<EngineDbContext> contexts)
{
    /// <summary>
    /// The ratings an import of MovieLens stored: each user–video pair's watch event, rating = 5 × watch fraction
    /// (the inverse of the import's mapping); a pair's later watches are ignored. <c>LooksLikeRatings</c> is false
    /// when the watch events cannot have come from ratings (fractions that are not a multiple of 0.1, or several
    /// watches of one video), as on a generated world or KuaiRec.
    /// </summary>
    public async Task<(List<MovieLensRating> Ratings, bool LooksLikeRatings)> LoadRatingsAsync(CancellationToken ct = default)
    {
        var ratings = new List<MovieLensRating>();
        var pairs = new HashSet<(long, int)>();
        var looksLikeRatings = true;
        await ReadAsync($"SELECT UserId, VideoId, WatchFraction, At FROM Events WHERE Kind = {(int)EngagementKind.Watch} ORDER BY At, Id", reader =>
        {
            var user = reader.GetInt64(0);
            var video = reader.GetInt32(1);
            var fraction = reader.IsDBNull(2) ? 0.5 : reader.GetDouble(2);
            var rating = fraction * 5;
            var rounded = Math.Round(rating * 2) / 2;
            if (Math.Abs(rating - rounded) > 1e-4 || rounded < 0.5)
            {
                looksLikeRatings = false;
            }

            if (!pairs.Add((user, video)))
            {
                looksLikeRatings = false;
                return;
            }

            ratings.Add(new MovieLensRating(user, video, (float)Math.Max(0.5, rounded), reader.GetInt64(3)));
        }, ct);
        return (ratings, looksLikeRatings);
    }

    /// <summary>Every event, oldest first, with videos as indexes into <c>VideoIds</c> (every video of the catalog, by id).</summary>
    public async Task<(List<EventRow> Events, int[] VideoIds)> LoadEventsAsync(CancellationToken ct = default)
    {
        var videoIds = new List<int>();
        await ReadAsync("SELECT Id FROM Videos ORDER BY Id", reader => videoIds.Add(reader.GetInt32(0)), ct);
        var index = videoIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var events = new List<EventRow>();
        await ReadAsync("SELECT Id, UserId, VideoId, Kind, WatchFraction, At FROM Events ORDER BY At, Id", reader =>
        {
            if (index.TryGetValue(reader.GetInt32(2), out var video))
            {
                events.Add(new EventRow(reader.GetInt64(0), reader.GetInt64(1), video, (EngagementKind)reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetFloat(4), reader.GetInt64(5)));
            }
        }, ct);
        return (events, [.. videoIds]);
    }

    private async Task ReadAsync(string sql, Action<System.Data.Common.DbDataReader> row, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }
}

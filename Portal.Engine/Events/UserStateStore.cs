using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Engine.Catalog;
using Portal.Engine.Feed;
using Portal.Engine.Instances;
using Portal.Engine.Storage;

namespace Portal.Engine.Events;

/// <summary>
/// The online state of every user the engine has seen since it started, loaded on first use from the user's
/// stored events and served log (so it survives a restart), then kept current by <see cref="Apply"/> on every
/// ingested event and by the feed on every served batch, with no retraining. When instances share the database
/// (<see cref="InstancesOptions.Sync"/>), <see cref="CatchUpAsync"/> adds what other instances stored for the user
/// (events sent to them, batches they served) before each batch.
/// </summary>
public sealed class UserStateStore(
    IDbContextFactory<EngineDbContext> contexts,
    IOptions<FeedOptions> options,
    IOptions<InstancesOptions> instances,
    IOptions<StorageOptions> storage)
{
    private readonly ConcurrentDictionary<long, Lazy<Task<UserState>>> _states = new();

    public int LoadedCount => _states.Count;

    /// <summary>The user's state, loading it from the database the first time.</summary>
    public Task<UserState> GetAsync(long userId, CatalogSnapshot catalog, CancellationToken ct = default)
    {
        var entry = _states.GetOrAdd(userId, id => new Lazy<Task<UserState>>(async () =>
        {
            var state = await LoadAsync(id, catalog, upToEventId: null, servedBefore: null, CancellationToken.None).ConfigureAwait(false);
            state.TracksCatchUp = SyncEnabled;
            return state;
        }));
        var task = entry.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            _states.TryRemove(new KeyValuePair<long, Lazy<Task<UserState>>>(userId, entry));
        }

        return ct.CanBeCanceled ? task.WaitAsync(ct) : task;
    }

    /// <summary>A fresh state for a user who has no history (a new registration), without a database round trip.</summary>
    public void AddEmpty(long userId)
    {
        var settings = options.Value;
        var state = new UserState(userId, settings.RecentEngagements, settings.AffinityHalfLifeHours, settings.NotInterestedFatigueHours) { TracksCatchUp = SyncEnabled };
        _states.TryAdd(userId, new Lazy<Task<UserState>>(Task.FromResult(state)));
    }

    /// <summary>
    /// Applies stored events to the states already in memory. A state still loading is awaited first; events its
    /// load already read (ids up to its watermark) are skipped, so every event counts exactly once.
    /// </summary>
    public async Task ApplyAsync(IEnumerable<(long EventId, EngagementEvent Event)> events, CatalogSnapshot catalog)
    {
        foreach (var group in events.GroupBy(e => e.Event.UserId))
        {
            if (!_states.TryGetValue(group.Key, out var entry))
            {
                continue;
            }

            UserState state;
            try
            {
                state = await entry.Value.ConfigureAwait(false);
            }
            catch (Exception)
            {
                continue;
            }

            lock (state.Gate)
            {
                foreach (var (id, e) in group)
                {
                    state.ApplyLive(id, e.VideoId, e.Kind, e.WatchFraction, UtcDateTimeConverter.ToUnixMilliseconds(e.At), catalog);
                }
            }
        }
    }

    /// <summary>Whether states catch up with other instances (see <see cref="InstancesOptions.Sync"/>).</summary>
    public bool SyncEnabled => instances.Value.SyncEnabled(storage.Value.Provider);

    /// <summary>
    /// Applies the user's events and served batches that other instances stored since this state last looked, each
    /// exactly once: one indexed query on (user, id). Does nothing unless instances sync. Returns what was new.
    /// </summary>
    public async Task<(int Events, int Batches)> CatchUpAsync(UserState state, CatalogSnapshot catalog, CancellationToken ct = default)
    {
        if (!SyncEnabled || !state.TracksCatchUp)
        {
            return (0, 0);
        }

        long eventsAfter, servedAfter;
        lock (state.Gate)
        {
            eventsAfter = state.CaughtUpEventId;
            servedAfter = state.CaughtUpServedId;
        }

        var events = new List<CatchUpEvent>();
        var batches = new List<CatchUpBatch>();
        await using (var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """
                SELECT 0, "Id", "VideoId", "Kind", "WatchFraction", "At", NULL, NULL FROM "Events" WHERE "UserId" = @user AND "Id" > @events
                UNION ALL
                SELECT 1, "Id", 0, 0, NULL, "At", "VideoIds", CAST("RequestId" AS TEXT) FROM "ServedBatches" WHERE "UserId" = @user AND "Id" > @served AND "Mode" = 0
                """;
            command.AddParameter("user", state.UserId);
            command.AddParameter("events", eventsAfter);
            command.AddParameter("served", servedAfter);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                if (reader.GetInt32(0) == 0)
                {
                    events.Add(new CatchUpEvent(reader.GetInt64(1), reader.GetInt32(2), (EngagementKind)reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetFloat(4), reader.GetInt64(5)));
                }
                else
                {
                    var videoIds = reader.GetString(6).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                    batches.Add(new CatchUpBatch(reader.GetInt64(1), Guid.Parse(reader.GetString(7)), videoIds, reader.GetInt64(5)));
                }
            }
        }

        if (events.Count == 0 && batches.Count == 0)
        {
            return (0, 0);
        }

        lock (state.Gate)
        {
            return state.CatchUp(events, batches, catalog);
        }
    }

    /// <summary>Forgets every state (after the world was replaced); they reload on next use.</summary>
    public void Clear() => _states.Clear();

    /// <summary>
    /// Rebuilds a user's state from the database: events with ids up to <paramref name="upToEventId"/> (all when null)
    /// and served batches before <paramref name="servedBefore"/> (all when null): served earlier, or in the same
    /// millisecond and logged before it. Replays use the limits.
    /// </summary>
    public async Task<UserState> LoadAsync(long userId, CatalogSnapshot catalog, long? upToEventId, (DateTime At, long Id)? servedBefore, CancellationToken ct)
    {
        var settings = options.Value;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();

        long watermark;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Events\"";
            watermark = (long)(await command.ExecuteScalarAsync(ct))!;
        }

        if (upToEventId is { } limit)
        {
            watermark = Math.Min(watermark, limit);
        }

        var state = new UserState(userId, settings.RecentEngagements, settings.AffinityHalfLifeHours, settings.NotInterestedFatigueHours, watermark);

        // Served batches first: only their order matters for cooldowns, and events are applied in time order after.
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT \"VideoIds\", \"At\", \"Id\" FROM \"ServedBatches\" WHERE \"UserId\" = @user AND \"Mode\" = 0" + (servedBefore is null ? "" : " AND (\"At\" < @before OR (\"At\" = @before AND \"Id\" < @beforeId))") + " ORDER BY \"At\", \"Id\"";
            command.AddParameter("user", userId);
            if (servedBefore is { } before)
            {
                command.AddParameter("before", UtcDateTimeConverter.ToUnixMilliseconds(before.At));
                command.AddParameter("beforeId", before.Id);
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            var items = new List<(int, int, int)>(8);
            while (await reader.ReadAsync(ct))
            {
                items.Clear();
                foreach (var part in reader.GetString(0).Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    var videoId = int.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
                    var video = catalog.IndexOf(videoId);
                    items.Add(video < 0 ? (videoId, -1, -1) : (videoId, catalog.CreatorIds[catalog.CreatorOf[video]], catalog.SoundIds[catalog.SoundOf[video]]));
                }

                state.RecordServed(items, reader.GetInt64(1));
                state.CaughtUpServedId = Math.Max(state.CaughtUpServedId, reader.GetInt64(2));
            }
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT \"Id\", \"VideoId\", \"Kind\", \"WatchFraction\", \"At\" FROM \"Events\" WHERE \"UserId\" = @user AND \"Id\" <= @upTo ORDER BY \"At\", \"Id\"";
            command.AddParameter("user", userId);
            command.AddParameter("upTo", watermark);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                state.Apply(reader.GetInt64(0), reader.GetInt32(1), (EngagementKind)reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetFloat(3), reader.GetInt64(4), catalog);
            }
        }

        return state;
    }

}

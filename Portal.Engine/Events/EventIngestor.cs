using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Portal.Engine.Catalog;
using Portal.Engine.Feed;
using Portal.Engine.Storage;

namespace Portal.Engine.Events;

/// <summary>
/// Takes engagement events from apps: validates every row (a single bad row refuses the whole batch, with a
/// message per field keyed <c>events[i].field</c>, and nothing is stored), stores the batch in one transaction
/// with the per-day counters, and only then applies it to the users' online state.
/// </summary>
public sealed class EventIngestor(
    ServingState serving,
    UserDirectory users,
    UserStateStore states,
    SqliteWriteQueue writes,
    IOptions<EventsOptions> options,
    TimeProvider time)
{
    private static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public async Task<IngestResult> IngestAsync(IReadOnlyList<IncomingEvent>? incoming, CancellationToken ct = default)
    {
        var snapshot = serving.Current;
        var (events, errors, notFound) = Validate(incoming, snapshot.Catalog);
        if (errors.Count > 0)
        {
            return new IngestResult(0, errors, notFound);
        }

        var firstId = await writes.ExecuteAsync((connection, transaction) => Store(connection, transaction, events), ct).ConfigureAwait(false);
        await states.ApplyAsync(events.Select((e, i) => (firstId + i, e)), snapshot.Catalog).ConfigureAwait(false);
        return new IngestResult(events.Count, errors, NotFound: false);
    }

    /// <summary>Checks every row; returns the events ready to store, or the errors.</summary>
    public (List<EngagementEvent> Events, Dictionary<string, string[]> Errors, bool NotFound) Validate(IReadOnlyList<IncomingEvent>? incoming, CatalogSnapshot catalog)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var events = new List<EngagementEvent>(incoming?.Count ?? 0);
        var settings = options.Value;
        if (incoming is null || incoming.Count == 0)
        {
            errors["events"] = ["Send at least one event."];
            return (events, errors, false);
        }

        if (incoming.Count > settings.MaxBatchSize)
        {
            errors["events"] = [$"At most {settings.MaxBatchSize:N0} events per request; this one has {incoming.Count:N0}. Split it into several requests."];
            return (events, errors, false);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var latest = now.AddSeconds(settings.AllowedClockSkewSeconds);
        var oldest = now.AddDays(-settings.MaxAgeDays);
        var malformed = false;
        var missing = false;
        for (var i = 0; i < incoming.Count; i++)
        {
            var row = incoming[i];
            var prefix = $"events[{i}].";
            if (row is null)
            {
                errors[$"events[{i}]"] = ["The event is empty."];
                malformed = true;
                continue;
            }

            var rowErrors = 0;
            void Fail(string field, string message, bool isMissing = false)
            {
                errors[prefix + field] = [message];
                rowErrors++;
                if (isMissing)
                {
                    missing = true;
                }
                else
                {
                    malformed = true;
                }
            }

            UserProfile? profile = null;
            if (row.UserId is not { } userId)
            {
                Fail("userId", "The user id is required.");
            }
            else if (!users.TryGet(userId, out profile))
            {
                Fail("userId", $"There is no user {userId}.", isMissing: true);
            }

            if (row.VideoId is not { } videoId)
            {
                Fail("videoId", "The video id is required.");
            }
            else if (catalog.IndexOf(videoId) < 0)
            {
                Fail("videoId", $"There is no video {videoId}.", isMissing: true);
            }

            var kind = EngagementKind.Impression;
            if (string.IsNullOrWhiteSpace(row.Kind))
            {
                Fail("kind", $"The kind is required: one of {string.Join(", ", EngagementKinds.Names)}.");
            }
            else if (!EngagementKinds.TryParse(row.Kind, out kind))
            {
                Fail("kind", $"\"{Shorten(row.Kind)}\" is not a kind of event; use one of {string.Join(", ", EngagementKinds.Names)}.");
            }

            if (row.WatchFraction is { } fraction && (!double.IsFinite(fraction) || fraction < 0 || fraction > 1))
            {
                Fail("watchFraction", $"The watch fraction must be between 0 and 1; {fraction.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not.");
            }

            var at = row.At is { } given ? (given.Kind == DateTimeKind.Local ? given.ToUniversalTime() : DateTime.SpecifyKind(given, DateTimeKind.Utc)) : now;
            if (at > latest)
            {
                Fail("at", $"The time {at:u} is in the future.");
            }
            else if (at < oldest || at < Earliest)
            {
                Fail("at", $"The time {at:u} is too far in the past; events older than {settings.MaxAgeDays} days are not taken.");
            }

            DeviceType? device = profile?.Device;
            if (!string.IsNullOrWhiteSpace(row.Device))
            {
                if (DeviceTypes.TryParse(row.Device, out var parsed))
                {
                    device = parsed;
                }
                else
                {
                    Fail("device", $"\"{Shorten(row.Device)}\" is not a device type; use {string.Join(", ", DeviceTypes.Names)}.");
                }
            }

            if (rowErrors == 0)
            {
                events.Add(new EngagementEvent
                {
                    UserId = row.UserId!.Value,
                    VideoId = row.VideoId!.Value,
                    Kind = kind,
                    WatchFraction = row.WatchFraction is { } w ? (float)w : null,
                    At = UtcDateTimeConverter.FromUnixMilliseconds(UtcDateTimeConverter.ToUnixMilliseconds(at)),
                    Device = device,
                });
            }
        }

        return (events, errors, missing && !malformed);
    }

    /// <summary>Inserts the events and bumps the per-day counters; returns the first new event id (ids are consecutive: one writer).</summary>
    internal static long Store(SqliteConnection connection, SqliteTransaction transaction, List<EngagementEvent> events)
    {
        using (var inserter = new SqliteBulkInserter<EngagementEvent>(connection, transaction, "Events", ["UserId", "VideoId", "Kind", "WatchFraction", "At", "Device"], (e, v) =>
        {
            v[0] = e.UserId;
            v[1] = e.VideoId;
            v[2] = (int)e.Kind;
            v[3] = e.WatchFraction;
            v[4] = UtcDateTimeConverter.ToUnixMilliseconds(e.At);
            v[5] = e.Device is { } device ? (int)device : null;
        }))
        {
            inserter.InsertAll(events);
        }

        long lastId;
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT last_insert_rowid()";
            lastId = (long)command.ExecuteScalar()!;
        }

        using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = "INSERT INTO EventDailyCounts (Day, Kind, Count) VALUES ($day, $kind, $count) ON CONFLICT (Day, Kind) DO UPDATE SET Count = Count + excluded.Count";
            var day = upsert.Parameters.Add("$day", SqliteType.Integer);
            var kind = upsert.Parameters.Add("$kind", SqliteType.Integer);
            var count = upsert.Parameters.Add("$count", SqliteType.Integer);
            foreach (var group in events.GroupBy(e => (Day: DateOnly.FromDateTime(e.At).DayNumber, e.Kind)))
            {
                day.Value = group.Key.Day;
                kind.Value = (int)group.Key.Kind;
                count.Value = group.LongCount();
                upsert.ExecuteNonQuery();
            }
        }

        return lastId - events.Count + 1;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

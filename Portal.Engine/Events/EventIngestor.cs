using System.Data.Common;
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
    WriteQueue writes,
    IOptions<EventsOptions> options,
    TimeProvider time)
{
    private static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private long _lastKeyPruneMs;

    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>
    /// Validates and stores a batch. With an <paramref name="idempotencyKey"/>, the batch is stored at most once: a
    /// retry with the same key and the same events is answered with the first request's result and stores nothing.
    /// </summary>
    public async Task<IngestResult> IngestAsync(IReadOnlyList<IncomingEvent>? incoming, string? idempotencyKey = null, CancellationToken ct = default)
    {
        var snapshot = serving.Current;
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength || idempotencyKey.Any(c => c < 0x21 || c > 0x7E)))
        {
            return new IngestResult(0, new Dictionary<string, string[]> { ["idempotencyKey"] = [$"An idempotency key is 1 to {MaxIdempotencyKeyLength} visible ASCII characters."] }, false);
        }

        if (incoming is not null)
        {
            // A user another instance registered a moment ago is looked up once (only when instances sync).
            await users.EnsureLoadedAsync(incoming.Where(e => e?.UserId is not null).Select(e => e!.UserId!.Value), ct).ConfigureAwait(false);
        }

        var (events, errors, notFound) = Validate(incoming, snapshot.Catalog);
        if (errors.Count > 0)
        {
            return new IngestResult(0, errors, notFound);
        }

        var hash = idempotencyKey is null ? "" : ContentHash(events);
        var now = UtcDateTimeConverter.ToUnixMilliseconds(time.GetUtcNow().UtcDateTime);
        var stored = await writes.ExecuteAsync((connection, transaction) =>
        {
            if (idempotencyKey is not null && FindKey(connection, transaction, idempotencyKey) is { } earlier)
            {
                return (earlier.First, earlier.Count, earlier.Hash, earlier.New, Ids: new List<long>());
            }

            var ids = Store(connection, transaction, events);
            if (idempotencyKey is not null)
            {
                RememberKey(connection, transaction, idempotencyKey, hash, ids[0], events.Count, now);
            }

            return (First: ids[0], Count: events.Count, Hash: hash, New: true, Ids: ids);
        }, ct).ConfigureAwait(false);

        if (!stored.New)
        {
            return stored.Hash == hash
                ? new IngestResult(stored.Count, errors, NotFound: false) { Replayed = true }
                : new IngestResult(0, new Dictionary<string, string[]> { ["idempotencyKey"] = ["This idempotency key was already used for a different batch of events; use a new key for new events."] }, false) { KeyConflict = true };
        }

        await states.ApplyAsync(events.Select((e, i) => (stored.Ids[i], e)), snapshot.Catalog).ConfigureAwait(false);
        if (idempotencyKey is not null && now - Interlocked.Read(ref _lastKeyPruneMs) > 600_000)
        {
            // Every ten minutes or so, forget keys past their retention; queued behind the writes, never awaited here.
            Interlocked.Exchange(ref _lastKeyPruneMs, now);
            _ = ForgetKeysAsync(TimeSpan.FromHours(options.Value.IdempotencyKeyHours), CancellationToken.None);
        }

        return new IngestResult(events.Count, errors, NotFound: false);
    }

    /// <summary>Forgets idempotency keys older than <paramref name="age"/>; returns how many.</summary>
    public Task<int> ForgetKeysAsync(TimeSpan age, CancellationToken ct = default)
    {
        var before = UtcDateTimeConverter.ToUnixMilliseconds(time.GetUtcNow().UtcDateTime - age);
        return writes.ExecuteAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM \"IngestKeys\" WHERE \"At\" < @before";
            command.AddParameter("before", before);
            return command.ExecuteNonQuery();
        }, ct);
    }

    private static (long First, int Count, string Hash, bool New)? FindKey(DbConnection connection, DbTransaction transaction, string key)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT \"FirstEventId\", \"Count\", \"ContentHash\" FROM \"IngestKeys\" WHERE \"Key\" = @key";
        command.AddParameter("key", key);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), false) : null;
    }

    private static void RememberKey(DbConnection connection, DbTransaction transaction, string key, string hash, long first, int count, long at)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO \"IngestKeys\" (\"Key\", \"ContentHash\", \"FirstEventId\", \"Count\", \"At\") VALUES (@key, @hash, @first, @count, @at)";
        command.AddParameter("key", key);
        command.AddParameter("hash", hash);
        command.AddParameter("first", first);
        command.AddParameter("count", count);
        command.AddParameter("at", at);
        command.ExecuteNonQuery();
    }

    /// <summary>SHA-256 over the batch's events as stored (user, video, kind, watch fraction, time, device).</summary>
    private static string ContentHash(List<EngagementEvent> events)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[8 + 4 + 4 + 4 + 8 + 4];
        foreach (var e in events)
        {
            BitConverter.TryWriteBytes(buffer, e.UserId);
            BitConverter.TryWriteBytes(buffer[8..], e.VideoId);
            BitConverter.TryWriteBytes(buffer[12..], (int)e.Kind);
            BitConverter.TryWriteBytes(buffer[16..], e.WatchFraction ?? -1f);
            BitConverter.TryWriteBytes(buffer[20..], UtcDateTimeConverter.ToUnixMilliseconds(e.At));
            BitConverter.TryWriteBytes(buffer[28..], e.Device is { } d ? (int)d : -1);
            hash.AppendData(buffer);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
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

    /// <summary>Inserts the events and bumps the per-day counters; returns the new events' ids in order.</summary>
    internal static List<long> Store(DbConnection connection, DbTransaction transaction, List<EngagementEvent> events)
    {
        List<long> ids;
        using (var inserter = new BulkInserter<EngagementEvent>(connection, transaction, "Events", ["UserId", "VideoId", "Kind", "WatchFraction", "At", "Device"], (e, v) =>
        {
            v[0] = e.UserId;
            v[1] = e.VideoId;
            v[2] = (int)e.Kind;
            v[3] = e.WatchFraction;
            v[4] = UtcDateTimeConverter.ToUnixMilliseconds(e.At);
            v[5] = e.Device is { } device ? (int)device : null;
        }, returnIds: true))
        {
            inserter.InsertAll(events);
            ids = inserter.Ids;
        }

        using var upsert = connection.Command(transaction, "INSERT INTO \"EventDailyCounts\" (\"Day\", \"Kind\", \"Count\") VALUES (@day, @kind, @count) ON CONFLICT (\"Day\", \"Kind\") DO UPDATE SET \"Count\" = \"EventDailyCounts\".\"Count\" + excluded.\"Count\"");
        var day = upsert.AddParameter("day", 0);
        var kind = upsert.AddParameter("kind", 0);
        var count = upsert.AddParameter("count", 0L);
        foreach (var group in events.GroupBy(e => (Day: DateOnly.FromDateTime(e.At).DayNumber, e.Kind)))
        {
            day.Value = group.Key.Day;
            kind.Value = (int)group.Key.Kind;
            count.Value = group.LongCount();
            upsert.ExecuteNonQuery();
        }

        return ids;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

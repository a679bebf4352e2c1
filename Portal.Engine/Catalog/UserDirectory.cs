using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Engine.Instances;
using Portal.Engine.Storage;

namespace Portal.Engine.Catalog;

/// <summary>
/// Every app user's profile, in memory, so that feed requests and event validation never query the user table.
/// Loaded at start; new users are written through the <see cref="WriteQueue"/> and added at once. When several
/// instances share the database (<see cref="InstancesOptions.Sync"/>), a user another instance registered is looked
/// up in the database the first time it is asked for (<see cref="FindAsync"/>), so creations bump nothing (every peer
/// reloading the whole directory after each sign-up would cost more); personalisation switches, which a peer holding
/// the user in memory cannot see, bump the <see cref="SharedChanges.Users"/> marker.
/// </summary>
public sealed partial class UserDirectory(
    IDbContextFactory<EngineDbContext> contexts,
    WriteQueue writes,
    SharedChanges shared,
    IOptions<InstancesOptions> instances,
    IOptions<StorageOptions> storage,
    TimeProvider time)
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    private ConcurrentDictionary<long, UserProfile> _users = new();
    private long _maxId;

    public int Count => _users.Count;

    public bool TryGet(long id, out UserProfile profile) => _users.TryGetValue(id, out profile!);

    public bool Exists(long id) => _users.ContainsKey(id);

    /// <summary>
    /// The user's profile: from memory, or, when instances sync, from the database for a user registered by another
    /// instance since this one loaded (then kept in memory). Null when there is no such user.
    /// </summary>
    public async ValueTask<UserProfile?> FindAsync(long id, CancellationToken ct = default)
    {
        if (_users.TryGetValue(id, out var profile))
        {
            return profile;
        }

        if (!instances.Value.SyncEnabled(storage.Value.Provider))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        var row = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        profile = new UserProfile(row.Id, row.Language, row.Country, row.Device, row.Personalized, row.CreatedAt);
        _users.TryAdd(id, profile);
        InterlockedMax(ref _maxId, id);
        return _users.TryGetValue(id, out var kept) ? kept : profile;
    }

    /// <summary>Makes sure the users among <paramref name="ids"/> that exist are in memory (see <see cref="FindAsync"/>).</summary>
    public async Task EnsureLoadedAsync(IEnumerable<long> ids, CancellationToken ct = default)
    {
        if (!instances.Value.SyncEnabled(storage.Value.Provider))
        {
            return;
        }

        foreach (var id in ids.Where(id => !_users.ContainsKey(id)).Distinct())
        {
            await FindAsync(id, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Up to <paramref name="count"/> user ids spread evenly over all ids: a stable sample for comparisons.</summary>
    public IReadOnlyList<long> Sample(int count)
    {
        var ids = _users.Keys.Order().ToArray();
        if (ids.Length <= count)
        {
            return ids;
        }

        var step = (double)ids.Length / count;
        return Enumerable.Range(0, count).Select(i => ids[(int)(i * step)]).ToArray();
    }

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var users = new ConcurrentDictionary<long, UserProfile>();
        var max = 0L;
        await foreach (var u in db.Users.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            users[u.Id] = new UserProfile(u.Id, u.Language, u.Country, u.Device, u.Personalized, u.CreatedAt);
            max = Math.Max(max, u.Id);
        }

        _users = users;
        Interlocked.Exchange(ref _maxId, max);
    }

    public async Task<UserCreation> CreateAsync(NewUser request, CancellationToken ct = default)
    {
        var errors = Validate(request, out var language, out var country, out var device);
        if (errors.Count > 0)
        {
            return new UserCreation(null, errors, Conflict: false);
        }

        if (request.Id is { } requested && _users.ContainsKey(requested))
        {
            return new UserCreation(null, new Dictionary<string, string[]> { ["id"] = [$"A user with id {requested} already exists."] }, Conflict: true);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var createdAt = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        long id;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                id = await Insert(request.Id, language, country, device, createdAt, ct).ConfigureAwait(false);
                break;
            }
            catch (System.Data.Common.DbException ex) when (request.Id is { } taken && IsKeyViolation(ex))
            {
                // Another request registered the same id between the check above and this insert.
                return new UserCreation(null, new Dictionary<string, string[]> { ["id"] = [$"A user with id {taken} already exists."] }, Conflict: true);
            }
            catch (System.Data.Common.DbException ex) when (request.Id is null && attempt < MaxIdAttempts && IsKeyViolation(ex))
            {
                // Another instance on the same database took the next free id first: take the one after it.
            }
        }

        var profile = new UserProfile(id, language, country, device, true, createdAt);
        _users[id] = profile;
        InterlockedMax(ref _maxId, id);
        return new UserCreation(profile, new Dictionary<string, string[]>(), Conflict: false);
    }

    /// <summary>Switches personalisation on or off for a user; false when the user does not exist.</summary>
    public async Task<bool> SetPersonalizedAsync(long id, bool personalized, CancellationToken ct = default)
    {
        if (await FindAsync(id, ct).ConfigureAwait(false) is not { } profile)
        {
            return false;
        }

        var changed = await writes.ExecuteAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE \"AppUsers\" SET \"Personalized\" = @p WHERE \"Id\" = @id";
            command.AddParameter("p", personalized);
            command.AddParameter("id", id);
            command.ExecuteNonQuery();
            return shared.Bump(connection, transaction, SharedChanges.Users);
        }, ct).ConfigureAwait(false);
        _users[id] = profile with { Personalized = personalized };
        shared.Remember(SharedChanges.Users, changed);
        return true;
    }

    /// <summary>Checks a registration; fills the normalised language, country and device.</summary>
    public static Dictionary<string, string[]> Validate(NewUser request, out string language, out string country, out DeviceType device)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        language = (request.Language ?? "").Trim().ToLowerInvariant();
        country = (request.Country ?? "").Trim().ToUpperInvariant();
        device = DeviceType.Ios;

        if (request.Id is { } id && id <= 0)
        {
            errors["id"] = ["The id must be a positive whole number."];
        }

        if (string.IsNullOrEmpty(language))
        {
            errors["language"] = ["The language is required, as a two-letter ISO 639-1 code such as \"en\"."];
        }
        else if (!LanguagePattern().IsMatch(language))
        {
            errors["language"] = [$"\"{Shorten(request.Language)}\" is not a language code; use two letters such as \"en\" or \"pt\"."];
        }

        if (string.IsNullOrEmpty(country))
        {
            errors["country"] = ["The country is required, as a two-letter ISO 3166-1 code such as \"US\"."];
        }
        else if (!CountryPattern().IsMatch(country))
        {
            errors["country"] = [$"\"{Shorten(request.Country)}\" is not a country code; use two letters such as \"US\" or \"BR\"."];
        }

        if (string.IsNullOrWhiteSpace(request.Device))
        {
            errors["device"] = ["The device is required: ios, android, web or tablet."];
        }
        else if (!DeviceTypes.TryParse(request.Device, out device))
        {
            errors["device"] = [$"\"{Shorten(request.Device)}\" is not a device type; use ios, android, web or tablet."];
        }

        return errors;
    }

    /// <summary>How often an assigned id is tried again when another instance took it at the same moment.</summary>
    private const int MaxIdAttempts = 8;

    private Task<long> Insert(long? requestedId, string language, string country, DeviceType device, DateTime createdAt, CancellationToken ct) =>
        writes.ExecuteAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            long newId;
            if (requestedId is { } given)
            {
                newId = given;
            }
            else
            {
                command.CommandText = "SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"AppUsers\"";
                newId = Math.Max((long)command.ExecuteScalar()!, Interlocked.Read(ref _maxId) + 1);
            }

            command.CommandText = "INSERT INTO \"AppUsers\" (\"Id\", \"Language\", \"Country\", \"Device\", \"CreatedAt\", \"Personalized\") VALUES (@id, @language, @country, @device, @at, @personalized)";
            command.AddParameter("id", newId);
            command.AddParameter("language", language);
            command.AddParameter("country", country);
            command.AddParameter("device", (int)device);
            command.AddParameter("at", UtcDateTimeConverter.ToUnixMilliseconds(createdAt));
            command.AddParameter("personalized", true);
            command.ExecuteNonQuery();
            return newId;
        }, ct);

    /// <summary>A primary-key or unique constraint refused the row (SQLite's extended codes, PostgreSQL's 23505).</summary>
    private static bool IsKeyViolation(System.Data.Common.DbException ex) => ex switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint && sqlite.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique,
        Npgsql.PostgresException postgres => postgres.SqlState == "23505",
        _ => false,
    };

    private static string Shorten(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while ((current = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();
}

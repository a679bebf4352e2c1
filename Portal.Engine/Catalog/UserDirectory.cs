using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Engine.Storage;

namespace Portal.Engine.Catalog;

/// <summary>
/// Every app user's profile, in memory, so that feed requests and event validation never query the user table.
/// Loaded at start; new users are written through the <see cref="SqliteWriteQueue"/> and added at once.
/// </summary>
public sealed partial class UserDirectory(IDbContextFactory<EngineDbContext> contexts, SqliteWriteQueue writes, TimeProvider time)
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    private ConcurrentDictionary<long, UserProfile> _users = new();
    private long _maxId;

    public int Count => _users.Count;

    public bool TryGet(long id, out UserProfile profile) => _users.TryGetValue(id, out profile!);

    public bool Exists(long id) => _users.ContainsKey(id);

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
        try
        {
            id = await Insert(request.Id, language, country, device, createdAt, ct).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (request.Id is { } taken && IsKeyViolation(ex))
        {
            // Another request registered the same id between the check above and this insert.
            return new UserCreation(null, new Dictionary<string, string[]> { ["id"] = [$"A user with id {taken} already exists."] }, Conflict: true);
        }

        var profile = new UserProfile(id, language, country, device, true, createdAt);
        _users[id] = profile;
        InterlockedMax(ref _maxId, id);
        return new UserCreation(profile, new Dictionary<string, string[]>(), Conflict: false);
    }

    /// <summary>Switches personalisation on or off for a user; false when the user does not exist.</summary>
    public async Task<bool> SetPersonalizedAsync(long id, bool personalized, CancellationToken ct = default)
    {
        if (!_users.TryGetValue(id, out var profile))
        {
            return false;
        }

        await writes.ExecuteAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE AppUsers SET Personalized = $p WHERE Id = $id";
            command.Parameters.AddWithValue("$p", personalized);
            command.Parameters.AddWithValue("$id", id);
            return command.ExecuteNonQuery();
        }, ct).ConfigureAwait(false);
        _users[id] = profile with { Personalized = personalized };
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
                command.CommandText = "SELECT COALESCE(MAX(Id), 0) + 1 FROM AppUsers";
                newId = Math.Max((long)command.ExecuteScalar()!, Interlocked.Read(ref _maxId) + 1);
            }

            command.CommandText = "INSERT INTO AppUsers (Id, Language, Country, Device, CreatedAt, Personalized) VALUES ($id, $language, $country, $device, $at, 1)";
            command.Parameters.AddWithValue("$id", newId);
            command.Parameters.AddWithValue("$language", language);
            command.Parameters.AddWithValue("$country", country);
            command.Parameters.AddWithValue("$device", (int)device);
            command.Parameters.AddWithValue("$at", UtcDateTimeConverter.ToUnixMilliseconds(createdAt));
            command.ExecuteNonQuery();
            return newId;
        }, ct);

    /// <summary>A primary-key or unique constraint of SQLite refused the row.</summary>
    private static bool IsKeyViolation(SqliteException ex) =>
        ex.SqliteErrorCode == SqliteConstraint && ex.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique;

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

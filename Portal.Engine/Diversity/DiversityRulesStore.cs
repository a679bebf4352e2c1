using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Engine.Storage;

namespace Portal.Engine.Diversity;

/// <summary>
/// The versioned diversity rules. Every change is a new version with its author and reason; the newest version is
/// active and applies from the next feed request; a rollback republishes an old version's rules as a new version,
/// so history only grows.
/// </summary>
public sealed class DiversityRulesStore(IDbContextFactory<EngineDbContext> contexts, WriteQueue writes, SharedChanges shared, IOptions<DiversityOptions> defaults, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _publish = new(1, 1);
    private volatile ActiveDiversityRules? _active;

    /// <summary>The rules in force; <see cref="LoadAsync"/> must have run.</summary>
    public ActiveDiversityRules Active => _active ?? throw new InvalidOperationException("The diversity rules have not been loaded yet.");

    /// <summary>The rules in force, or null before <see cref="LoadAsync"/>.</summary>
    public ActiveDiversityRules? TryGetActive() => _active;

    /// <summary>Reads the newest version, publishing version 1 from configuration when there is none.</summary>
    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var newest = await db.DiversityRules.AsNoTracking().OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        if (newest is null)
        {
            var initial = defaults.Value.ToRules();
            var errors = DiversityRulesValidator.Validate(initial);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("The configured default diversity rules are invalid: " + string.Join(" ", errors.SelectMany(e => e.Value)));
            }

            await PublishAsync(initial, "system", "Initial rules from configuration", ct);
            return;
        }

        _active = ToActive(newest);
    }

    public async Task<IReadOnlyList<ActiveDiversityRules>> HistoryAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var versions = await db.DiversityRules.AsNoTracking().OrderByDescending(r => r.Version).ToListAsync(ct);
        return versions.Select(ToActive).ToList();
    }

    public async Task<ActiveDiversityRules?> GetVersionAsync(int version, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.DiversityRules.AsNoTracking().SingleOrDefaultAsync(r => r.Version == version, ct);
        return row is null ? null : ToActive(row);
    }

    /// <summary>Validates and publishes rules as the next version. Author and reason are required.</summary>
    public async Task<RulesPublication> PublishAsync(DiversityRules rules, string author, string reason, CancellationToken ct = default)
    {
        var errors = DiversityRulesValidator.Validate(rules);
        if (string.IsNullOrWhiteSpace(author))
        {
            errors["author"] = ["Say who is publishing the rules."];
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors["reason"] = ["Give a reason for the change; it is kept with the version."];
        }
        else if (reason.Length > 1_000)
        {
            errors["reason"] = ["Keep the reason under 1,000 characters."];
        }

        if (errors.Count > 0)
        {
            return new RulesPublication(null, errors);
        }

        await _publish.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
            var json = JsonSerializer.Serialize(rules, Json);
            var (version, changed) = await writes.ExecuteAsync((connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "SELECT COALESCE(MAX(\"Version\"), 0) + 1 FROM \"DiversityRules\"";
                var next = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                command.CommandText = "INSERT INTO \"DiversityRules\" (\"Version\", \"RulesJson\", \"Author\", \"Reason\", \"CreatedAt\") VALUES (@v, @json, @author, @reason, @at)";
                command.AddParameter("v", next);
                command.AddParameter("json", json);
                command.AddParameter("author", author.Trim());
                command.AddParameter("reason", reason.Trim());
                command.AddParameter("at", UtcDateTimeConverter.ToUnixMilliseconds(now));
                command.ExecuteNonQuery();
                return (next, shared.Bump(connection, transaction, SharedChanges.Rules));
            }, ct);
            var active = new ActiveDiversityRules(version, rules, author.Trim(), reason.Trim(), now);
            _active = active;
            shared.Remember(SharedChanges.Rules, changed);
            return new RulesPublication(active, new Dictionary<string, string[]>());
        }
        finally
        {
            _publish.Release();
        }
    }

    /// <summary>Publishes the rules of an earlier version again, as a new version.</summary>
    public async Task<RulesPublication> RollbackAsync(int version, string author, string reason, CancellationToken ct = default)
    {
        var old = await GetVersionAsync(version, ct);
        if (old is null)
        {
            return new RulesPublication(null, new Dictionary<string, string[]> { ["version"] = [$"There is no version {version}."] });
        }

        return await PublishAsync(old.Rules, author, string.IsNullOrWhiteSpace(reason) ? reason : $"Rollback to version {version}: {reason.Trim()}", ct);
    }

    private static ActiveDiversityRules ToActive(DiversityRulesVersion row) =>
        new(row.Version, JsonSerializer.Deserialize<DiversityRules>(row.RulesJson, Json) ?? new DiversityRules(), row.Author, row.Reason, row.CreatedAt);
}

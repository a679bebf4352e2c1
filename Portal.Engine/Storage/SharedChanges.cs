using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Engine.Storage;

/// <summary>
/// The change markers in <c>SharedVersions</c>: whoever changes a piece of state other instances keep in memory bumps
/// its marker (in the same transaction as the change where it can); <c>InstanceSyncService</c> reads them all and
/// reloads what moved. Versions this instance bumped itself are remembered, so that it does not reload its own changes.
/// </summary>
public sealed class SharedChanges(IDbContextFactory<EngineDbContext> contexts, WriteQueue writes, TimeProvider time)
{
    public const string Rules = "rules";
    public const string Model = "model";
    public const string Moderation = "moderation";
    public const string Catalog = "catalog";
    public const string Engagement = "engagement";
    public const string Users = "users";

    private const int OwnVersionsKept = 256;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<long, byte>> _own = new(StringComparer.Ordinal);

    /// <summary>Bumps <paramref name="name"/> in a transaction of its own; returns the new version.</summary>
    public async Task<long> BumpAsync(string name, CancellationToken ct = default)
    {
        var version = await writes.ExecuteAsync((connection, transaction) => Bump(connection, transaction, name), ct).ConfigureAwait(false);
        Remember(name, version);
        return version;
    }

    /// <summary>
    /// Bumps <paramref name="name"/> inside the transaction the context has open (or on its own when none is), so the
    /// marker commits with the change. Call <see cref="Remember"/> with the result once the transaction committed.
    /// </summary>
    public async Task<long> BumpAsync(EngineDbContext db, string name, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            return Bump(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), name);
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Bumps <paramref name="name"/> in the caller's transaction (a <see cref="WriteQueue"/> work item). Call <see cref="Remember"/> once it committed.</summary>
    public long Bump(DbConnection connection, DbTransaction? transaction, string name)
    {
        var now = UtcDateTimeConverter.ToUnixMilliseconds(time.GetUtcNow().UtcDateTime);
        using var command = connection.Command(transaction, """
            INSERT INTO "SharedVersions" ("Name", "Version", "ChangedAt") VALUES (@name, 1, @at)
            ON CONFLICT ("Name") DO UPDATE SET "Version" = "SharedVersions"."Version" + 1, "ChangedAt" = excluded."ChangedAt"
            RETURNING "Version"
            """);
        command.AddParameter("name", name);
        command.AddParameter("at", now);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Notes that this instance made <paramref name="version"/> of <paramref name="name"/> (and already applied it).</summary>
    public void Remember(string name, long version)
    {
        var own = _own.GetOrAdd(name, _ => new ConcurrentDictionary<long, byte>());
        own[version] = 0;
        if (own.Count > OwnVersionsKept)
        {
            foreach (var old in own.Keys.Order().Take(own.Count - OwnVersionsKept))
            {
                own.TryRemove(old, out _);
            }
        }
    }

    /// <summary>
    /// True when every version of <paramref name="name"/> after <paramref name="from"/> up to <paramref name="to"/> was
    /// made by this instance (nothing to reload); forgets those versions.
    /// </summary>
    public bool AllOwn(string name, long from, long to)
    {
        if (!_own.TryGetValue(name, out var own))
        {
            return false;
        }

        var all = to - from <= OwnVersionsKept;
        for (var v = from + 1; all && v <= to; v++)
        {
            all &= own.ContainsKey(v);
        }

        foreach (var old in own.Keys.Where(v => v <= to))
        {
            own.TryRemove(old, out _);
        }

        return all;
    }

    /// <summary>Every marker's current version.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ReadAllAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.SharedVersions.AsNoTracking().ToDictionaryAsync(v => v.Name, v => v.Version, StringComparer.Ordinal, ct).ConfigureAwait(false);
    }
}

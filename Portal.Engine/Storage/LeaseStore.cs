using Microsoft.EntityFrameworkCore;

namespace Portal.Engine.Storage;

/// <summary>
/// Named leases in the engine database, so that work only one instance may do at a time (training) is done by one
/// instance at a time. Taking a lease is one conditional insert-or-update, atomic on SQLite and PostgreSQL alike: it
/// succeeds when nobody holds the lease, when the holder's lease expired (the holder died), or when the caller
/// already holds it.
/// </summary>
public sealed class LeaseStore(IDbContextFactory<EngineDbContext> contexts, TimeProvider time)
{
    /// <summary>Takes <paramref name="name"/> for <paramref name="holder"/> for <paramref name="duration"/>; false when another live holder has it.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var nowMs = UtcDateTimeConverter.ToUnixMilliseconds(now);
        var expires = UtcDateTimeConverter.ToUnixMilliseconds(now + duration);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Leases" ("Name", "Holder", "ExpiresAt") VALUES ({name}, {holder}, {expires})
            ON CONFLICT ("Name") DO UPDATE SET "Holder" = excluded."Holder", "ExpiresAt" = excluded."ExpiresAt"
            WHERE "Leases"."ExpiresAt" <= {nowMs} OR "Leases"."Holder" = excluded."Holder"
            """, ct);
        return rows == 1;
    }

    /// <summary>Extends a lease <paramref name="holder"/> holds; false when it no longer holds it (it expired and someone took it).</summary>
    public async Task<bool> RenewAsync(string name, string holder, TimeSpan duration, CancellationToken ct = default)
    {
        var expires = UtcDateTimeConverter.ToUnixMilliseconds(time.GetUtcNow().UtcDateTime + duration);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Database.ExecuteSqlAsync($"""UPDATE "Leases" SET "ExpiresAt" = {expires} WHERE "Name" = {name} AND "Holder" = {holder}""", ct);
        return rows == 1;
    }

    /// <summary>Gives a lease up (only the holder's own).</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "Leases" WHERE "Name" = {name} AND "Holder" = {holder}""", ct);
    }

    /// <summary>Who holds <paramref name="name"/> now, or null when nobody does (or the lease expired).</summary>
    public async Task<string?> HolderAsync(string name, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Leases.AsNoTracking().Where(l => l.Name == name && l.ExpiresAt > now).Select(l => l.Holder).FirstOrDefaultAsync(ct);
    }
}

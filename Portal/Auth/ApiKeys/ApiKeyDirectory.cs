using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Storage;

namespace Portal.Auth.ApiKeys;

/// <summary>
/// Lists, creates and revokes API keys: what the API keys page and the <c>apikey</c> command use. Every call has its
/// own database context. After a change the <see cref="ApiKeyCache"/> is reloaded, so a new key works, and a
/// revoked one stops working, from this instance's next request. Creations and revocations go to the audit trail;
/// the overloads that take a <see cref="StaffCaller"/> (the page's) also check <see cref="Policies.ManageApiKeys"/>.
/// </summary>
public sealed class ApiKeyDirectory(
    IDbContextFactory<PortalDbContext> contexts,
    ApiKeyCache cache,
    TimeProvider clock,
    IAuditTrail audit,
    StaffAuthorization? authorization = null)
{
    public async Task<ApiKeyPage> GetPageAsync(int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var total = await db.ApiKeys.CountAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking()
            .OrderByDescending(k => k.Id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .ToListAsync(ct);
        return new ApiKeyPage(keys.Select(ApiKeySummary.From).ToList(), total);
    }

    public async Task<ApiKeySummary?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct);
        return key is null ? null : ApiKeySummary.From(key);
    }

    /// <summary>Creates a key for <paramref name="caller"/>, who must hold <see cref="Policies.ManageApiKeys"/>.</summary>
    public async Task<ApiKeyCreation> CreateAsync(StaffCaller caller, string name, CancellationToken ct = default) =>
        await DemandAsync(caller, $"create the API key \"{name?.Trim()}\"", $"api-key:{name?.Trim()}", ct)
            ? await CreateAsync(name!, caller.Name, caller.ClientAddress, ct)
            : new ApiKeyCreation(null, null, new Dictionary<string, string> { ["permission"] = StaffAuthorization.RefusalMessage(Policies.ManageApiKeys) });

    /// <summary>Revokes a key for <paramref name="caller"/>, who must hold <see cref="Policies.ManageApiKeys"/>.</summary>
    public async Task<ApiKeyRevocation> RevokeAsync(StaffCaller caller, int id, string reason, CancellationToken ct = default) =>
        await DemandAsync(caller, $"revoke API key {id}", $"api-key-id:{id}", ct)
            ? await RevokeAsync(id, reason, caller.Name, caller.ClientAddress, ct)
            : new ApiKeyRevocation(null, new Dictionary<string, string> { ["permission"] = StaffAuthorization.RefusalMessage(Policies.ManageApiKeys) });

    /// <summary>Creates a key named <paramref name="name"/>. The result holds the key itself: show it once, it is not kept.</summary>
    /// <param name="createdBy">The staff member's email, or the tool, that asks.</param>
    /// <param name="clientAddress">Where the request came from, for the audit trail; null from the command line.</param>
    public async Task<ApiKeyCreation> CreateAsync(string name, string createdBy, string? clientAddress = null, CancellationToken ct = default)
    {
        name = (name ?? "").Trim();
        createdBy = (createdBy ?? "").Trim();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (name.Length == 0)
        {
            errors["name"] = "Enter a name that says who or what uses the key, e.g. ios-app.";
        }
        else if (name.Length > ApiKey.NameMaxLength)
        {
            errors["name"] = $"Keep the name to {ApiKey.NameMaxLength} characters or fewer.";
        }

        if (createdBy.Length == 0 || createdBy.Length > ApiKey.ActorMaxLength)
        {
            errors["createdBy"] = "Say who creates the key.";
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!errors.ContainsKey("name") && await db.ApiKeys.AnyAsync(k => k.Name == name && k.RevokedAt == null, ct))
        {
            errors["name"] = $"There is already an active key named \"{name}\". Choose another name, or revoke that key first.";
        }

        if (errors.Count > 0)
        {
            return new ApiKeyCreation(null, null, errors);
        }

        var secret = ApiKeySecrets.Generate();
        var key = new ApiKey
        {
            Name = name,
            Prefix = ApiKeySecrets.DisplayPrefix(secret),
            Hash = ApiKeySecrets.Hash(secret),
            CreatedAt = Now(),
            CreatedBy = createdBy,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        await cache.RefreshAsync(ct);
        await audit.AppendAsync(new AuditRecord(
            new AuditActor(createdBy, clientAddress),
            AuditActions.ApiKeyCreated,
            $"api-key:{key.Name}",
            null,
            AuditJson.Serialize(new { key.Id, key.Name, key.Prefix }),
            null), CancellationToken.None);
        return new ApiKeyCreation(ApiKeySummary.From(key), secret, errors);
    }

    /// <summary>Revokes a key for good: requests with it are refused from now on. A reason is required, for the record.</summary>
    public async Task<ApiKeyRevocation> RevokeAsync(int id, string reason, string revokedBy, string? clientAddress = null, CancellationToken ct = default)
    {
        reason = (reason ?? "").Trim();
        revokedBy = (revokedBy ?? "").Trim();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reason.Length == 0)
        {
            errors["reason"] = "Say why the key is revoked, e.g. \"leaked in a log\" or \"app retired\".";
        }
        else if (reason.Length > ApiKey.ReasonMaxLength)
        {
            errors["reason"] = $"Keep the reason to {ApiKey.ReasonMaxLength} characters or fewer.";
        }

        if (revokedBy.Length == 0 || revokedBy.Length > ApiKey.ActorMaxLength)
        {
            errors["revokedBy"] = "Say who revokes the key.";
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
        {
            errors["id"] = $"There is no API key with id {id}.";
        }
        else if (key.RevokedAt is { } revokedAt)
        {
            errors["id"] = $"The key \"{key.Name}\" was already revoked on {revokedAt:yyyy-MM-dd HH:mm} UTC.";
        }

        if (errors.Count > 0)
        {
            return new ApiKeyRevocation(null, errors);
        }

        key!.RevokedAt = Now();
        key.RevokedBy = revokedBy;
        key.RevocationReason = reason;
        await db.SaveChangesAsync(ct);
        await cache.RefreshAsync(ct);
        await audit.AppendAsync(new AuditRecord(
            new AuditActor(revokedBy, clientAddress),
            AuditActions.ApiKeyRevoked,
            $"api-key:{key.Name}",
            AuditJson.Serialize(new { key.Id, key.Name, key.Prefix, status = "active" }),
            AuditJson.Serialize(new { key.Id, key.Name, key.Prefix, status = "revoked" }),
            reason), CancellationToken.None);
        return new ApiKeyRevocation(ApiKeySummary.From(key), errors);
    }

    private Task<bool> DemandAsync(StaffCaller caller, string attempted, string target, CancellationToken ct) =>
        authorization?.DemandAsync(caller, Policies.ManageApiKeys, attempted, target, ct)
        ?? throw new InvalidOperationException("Checking a member of staff's permission needs the portal's authorization services.");

    /// <summary>Whole seconds, so that what is stored reads back the same.</summary>
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }
}

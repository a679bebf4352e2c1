using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Portal.Storage;

namespace Portal.Auth.ApiKeys;

/// <summary>
/// The hashes of the active API keys, in memory, so that checking a request's key never touches the database.
/// Reloaded whenever this instance creates or revokes a key, and on an interval
/// (<see cref="ApiKeyOptions.RefreshInterval"/>) so that instances sharing one database agree.
/// </summary>
public sealed class ApiKeyCache(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile FrozenDictionary<string, ApiClient>? _active;

    /// <summary>True once the keys have been read at least once.</summary>
    public bool IsLoaded => _active is not null;

    /// <summary>How many active keys there are.</summary>
    public int Count => _active?.Count ?? 0;

    public DateTime? LoadedAt { get; private set; }

    /// <summary>The caller a key's hash belongs to, when that key exists and is not revoked.</summary>
    public bool TryGet(string hash, out ApiClient client)
    {
        var active = _active;
        if (active is not null && active.TryGetValue(hash, out var found))
        {
            client = found;
            return true;
        }

        client = null!;
        return false;
    }

    /// <summary>Reads the active keys again. Refreshes run one at a time, so the last one to finish read last.</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        await _refresh.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var keys = await db.ApiKeys.AsNoTracking()
                .Where(k => k.RevokedAt == null)
                .Select(k => new ApiClient(k.Id, k.Name, k.Prefix, k.Hash))
                .ToListAsync(ct);
            _active = keys.ToFrozenDictionary(k => k.Hash, StringComparer.Ordinal);
            LoadedAt = clock.GetUtcNow().UtcDateTime;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Loads the keys unless that has happened already.</summary>
    public Task EnsureLoadedAsync(CancellationToken ct = default) => IsLoaded ? Task.CompletedTask : RefreshAsync(ct);
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Storage;

namespace Portal.Auth.ApiKeys;

/// <summary>
/// Remembers when each key was last used. <see cref="Record"/> is called on every authenticated request and only
/// touches memory; a key is queued for writing at most once per <see cref="ApiKeyOptions.LastUsedPrecision"/>,
/// and <see cref="FlushAsync"/> (run in the background) writes what is queued.
/// </summary>
public sealed class ApiKeyUsage(IDbContextFactory<PortalDbContext> contexts, IOptions<ApiKeyOptions> options, TimeProvider clock, ILogger<ApiKeyUsage> log)
{
    private readonly ConcurrentDictionary<int, DateTime> _lastQueued = new();
    private readonly ConcurrentDictionary<int, DateTime> _pending = new();

    /// <summary>How many keys have a use waiting to be written.</summary>
    public int Pending => _pending.Count;

    public void Record(int keyId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_lastQueued.TryGetValue(keyId, out var last) && now - last < options.Value.LastUsedPrecision)
        {
            return;
        }

        _lastQueued[keyId] = now;
        _pending[keyId] = now;
    }

    /// <summary>Writes the queued uses; a key's time only ever moves forward.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        if (_pending.IsEmpty)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        foreach (var keyId in _pending.Keys)
        {
            if (!_pending.TryRemove(keyId, out var usedAt))
            {
                continue;
            }

            try
            {
                await db.ApiKeys
                    .Where(k => k.Id == keyId && (k.LastUsedAt == null || k.LastUsedAt < usedAt))
                    .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, usedAt), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _pending.TryAdd(keyId, usedAt);
                log.LogWarning(ex, "Could not record the last use of API key {KeyId}; will try again", keyId);
                return;
            }
        }
    }
}

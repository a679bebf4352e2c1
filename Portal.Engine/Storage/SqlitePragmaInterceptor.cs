using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Engine.Storage;

/// <summary>
/// Sets the per-connection SQLite pragmas every time a connection opens: a busy timeout so that
/// writers queue instead of failing, NORMAL synchronisation (durable across process crashes in WAL
/// mode) and enforced foreign keys. WAL itself is a property of the file, set once by <see cref="DatabaseInitializer"/>.
/// </summary>
internal sealed class SqlitePragmaInterceptor(int busyTimeoutMilliseconds, int memoryMapMegabytes) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection) => SqliteConnections.ApplyPragmas(connection, busyTimeoutMilliseconds, memoryMapMegabytes);
}

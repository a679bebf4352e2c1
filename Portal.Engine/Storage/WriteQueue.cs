using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Engine.Storage;

/// <summary>
/// The one door this process writes the engine database through. SQLite allows one writer at a time; rather than
/// let request threads fight over the lock (and sleep in its busy handler), every write is queued to a single
/// loop that runs whatever has queued up in one transaction (group commit), each piece of work in its own
/// savepoint: a piece that fails rolls back alone and its caller gets the exception, the others commit.
/// A caller's task completes only once its work is committed. On PostgreSQL the same loop batches commits; a
/// serialisation failure or deadlock there is retried like a busy SQLite file.
/// </summary>
public sealed class WriteQueue : IAsyncDisposable
{
    private const int MaxWorkPerTransaction = 256;
    private const int MaxBusyRetries = 4;

    private readonly Channel<IWork> _queue = Channel.CreateUnbounded<IWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;
    private readonly StorageOptions _options;
    private readonly ILogger<WriteQueue> _log;
    private readonly Task _loop;

    public WriteQueue(IDbContextFactory<EngineDbContext> contexts, IOptions<StorageOptions> options, ILogger<WriteQueue> log)
    {
        using (var db = contexts.CreateDbContext())
        {
            _connectionString = db.Database.GetConnectionString()!;
        }

        _options = options.Value;
        _log = log;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Transactions committed so far (for tests and the benchmark).</summary>
    public long Commits { get; private set; }

    /// <summary>Runs <paramref name="work"/> inside a write transaction and completes once it is committed.</summary>
    public Task<T> ExecuteAsync<T>(Func<DbConnection, DbTransaction, T> work, CancellationToken ct = default)
    {
        var item = new Work<T>(work);
        if (!_queue.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(WriteQueue));
        }

        return ct.CanBeCanceled ? item.Completion.Task.WaitAsync(ct) : item.Completion.Task;
    }

    /// <summary>Queues work whose result nobody waits for (the served log); failures are logged.</summary>
    public void Post(Action<DbConnection, DbTransaction> work, string description)
    {
        var item = new Work<bool>((c, t) =>
        {
            work(c, t);
            return true;
        });
        item.Completion.Task.ContinueWith(
            task => _log.LogError(task.Exception, "Writing {What} failed", description),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
        _queue.Writer.TryWrite(item);
    }

    /// <summary>Completes once everything queued before the call is committed.</summary>
    public Task FlushAsync() => ExecuteAsync((_, _) => true);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        DbConnection? connection = null;
        var batch = new List<IWork>(MaxWorkPerTransaction);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxWorkPerTransaction && _queue.Reader.TryRead(out var work))
            {
                batch.Add(work);
            }

            // A database locked by someone else (another process, a long reader in a rollback journal) is waited for by
            // the busy timeout; beyond it the whole batch is retried with growing pauses, and only then refused.
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    connection ??= Open();
                    RunBatch(connection, batch);
                    break;
                }
                catch (DbException ex) when (IsBusy(ex) && attempt < MaxBusyRetries)
                {
                    _log.LogWarning("The database is busy; retrying {Count} queued write(s) (attempt {Attempt})", batch.Count, attempt + 1);
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * (1 << attempt))).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    var failure = ex is DbException db && IsBusy(db) ? new StorageBusyException(ex) : ex;
                    _log.LogError(ex, "A write transaction failed; {Count} queued write(s) were not committed", batch.Count);
                    foreach (var work in batch)
                    {
                        work.Fail(failure);
                    }

                    connection?.Dispose();
                    connection = null;
                    await Task.Delay(100).ConfigureAwait(false);
                    break;
                }
            }
        }

        connection?.Dispose();
    }

    /// <summary>Locked (SQLite busy or locked), or a PostgreSQL serialisation failure, deadlock or lock timeout: worth a retry.</summary>
    private static bool IsBusy(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,
        PostgresException postgres => postgres.SqlState is "40001" or "40P01" or "55P03",
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };

    private void RunBatch(DbConnection connection, List<IWork> batch)
    {
        using var transaction = connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: false) : connection.BeginTransaction();
        var outcomes = new Exception?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var savepoint = "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            transaction.Save(savepoint);
            try
            {
                batch[i].Run(connection, transaction);
                transaction.Release(savepoint);
            }
            catch (Exception ex)
            {
                transaction.Rollback(savepoint);
                transaction.Release(savepoint);
                outcomes[i] = ex;
            }
        }

        transaction.Commit();
        Commits++;
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] is { } failure)
            {
                batch[i].Fail(failure);
            }
            else
            {
                batch[i].Complete();
            }
        }
    }

    private DbConnection Open()
    {
        if (_options.Provider == DatabaseProvider.PostgreSql)
        {
            var postgres = new NpgsqlConnection(_connectionString);
            postgres.Open();
            using var setting = postgres.CreateCommand();
            setting.CommandText = _options.DurableCommits ? "SET synchronous_commit = on" : "SET synchronous_commit = off";
            setting.ExecuteNonQuery();
            return postgres;
        }

        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        SqliteConnections.ApplyPragmas(connection, _options.BusyTimeoutMilliseconds, _options.MemoryMapMegabytes);
        using var command = connection.CreateCommand();
        // The writer touches index pages all over the event table; a 64 MB cache keeps them in memory.
        command.CommandText = (_options.DurableCommits ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;") + " PRAGMA cache_size = -65536;";
        command.ExecuteNonQuery();
        return connection;
    }

    private interface IWork
    {
        void Run(DbConnection connection, DbTransaction transaction);

        void Complete();

        void Fail(Exception exception);
    }

    private sealed class Work<T>(Func<DbConnection, DbTransaction, T> work) : IWork
    {
        private T? _result;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Run(DbConnection connection, DbTransaction transaction) => _result = work(connection, transaction);

        public void Complete() => Completion.TrySetResult(_result!);

        public void Fail(Exception exception) => Completion.TrySetException(exception);
    }
}

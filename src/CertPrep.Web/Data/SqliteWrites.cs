using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CertPrep.Web.Data;

/// <summary>
/// SQLite allows one writer at a time. When two connections of this process try to write at once, the loser gets
/// SQLITE_BUSY and Microsoft.Data.Sqlite retries it after a sleep, which turns a sub-millisecond write into a
/// wait of a hundred milliseconds or more under load. This interceptor makes the writers of this process queue
/// for the file in order instead: a single-statement write outside a transaction (answer saves, ExecuteUpdate,
/// one-row SaveChanges) waits for an in-process gate, runs, and releases it. Multi-statement transactions are not
/// gated; the busy timeout (set on every connection by <see cref="SqliteConnectionSetup"/>) lets SQLite itself
/// wait for them in short steps. SQLite is the single-node database; PostgreSQL needs none of this.
/// </summary>
internal sealed class SqliteWriteGate : DbCommandInterceptor
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // The commands that hold the gate: released when they finish, however they finish.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbCommand, object> _holders = [];

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(command, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Enter(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(command, cancellationToken);
        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Enter(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Exit(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Exit(command);
        return result;
    }

    // A reader keeps its statement (and SQLite's write lock) until it is closed.
    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Exit(command);
        return result;
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Exit(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Exit(command);
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Exit(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(command);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Exit(command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(command);
        return Task.CompletedTask;
    }

    /// <summary>A write that commits by itself: INSERT, UPDATE or DELETE outside an explicit transaction.</summary>
    internal static bool IsAutocommitWrite(DbCommand command)
    {
        if (command.Transaction is not null)
        {
            return false;
        }

        var text = command.CommandText.AsSpan().TrimStart();
        return text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
    }

    private async ValueTask EnterAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (IsAutocommitWrite(command))
        {
            await _gate.WaitAsync(cancellationToken);
            _holders.AddOrUpdate(command, this);
        }
    }

    private void Enter(DbCommand command)
    {
        if (IsAutocommitWrite(command))
        {
            _gate.Wait();
            _holders.AddOrUpdate(command, this);
        }
    }

    private void Exit(DbCommand command)
    {
        if (_holders.Remove(command))
        {
            _gate.Release();
        }
    }
}

/// <summary>
/// Per-connection settings for SQLite: a busy timeout so SQLite waits for another writer in short steps;
/// <c>synchronous=NORMAL</c>, which in WAL mode still survives a crash of the process (a committed answer is in
/// the write-ahead log) and only risks the last transactions on a power cut, at a fraction of the cost per commit; and
/// a page cache of 1 MiB per connection instead of 2 MB: with a large database and twenty pooled connections the
/// default caches alone held about 40 MB of the node's memory, while the operating system caches the file anyway.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -1024;";

    // Opening a pooled connection hands out a native connection that may already be set up: do it once per handle.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsSetup(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsSetup(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private bool NeedsSetup(DbConnection connection) =>
        connection is not Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, this);
}

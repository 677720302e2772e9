using System.Net.Sockets;
using CertPrep.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CertPrep.Web.Tests.Data;

/// <summary>Which failures mean "the database cannot be used right now" (503) and which are bugs (500).</summary>
public sealed class DatabaseErrorsTests
{
    public static TheoryData<string, Exception> Unavailable() => new()
    {
        { "PostgreSQL refused the connection", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)) },
        { "EF gave up retrying", new RetryLimitExceededException("retries exceeded", new NpgsqlException("read failed", new IOException("reset"))) },
        { "PostgreSQL disk full", new DbUpdateException("save failed", new PostgresException("could not extend file", "ERROR", "ERROR", "53100")) },
        { "PostgreSQL shutting down", new PostgresException("terminating connection", "FATAL", "FATAL", "57P01") },
        { "read-only standby", new PostgresException("cannot execute INSERT in a read-only transaction", "ERROR", "ERROR", "25006") },
        { "SQLite disk full", new DbUpdateException("save failed", new SqliteException("database or disk is full", 13)) },
        { "SQLite read-only", new SqliteException("attempt to write a readonly database", 8) },
        { "SQLite busy", new SqliteException("database is locked", 5) },
        { "SQLite I/O error", new SqliteException("disk I/O error", 10) },
    };

    public static TheoryData<string, Exception> Bugs() => new()
    {
        { "a timeout outside the database (a job's upstream call)", new TimeoutException("the upstream service did not answer") },
        { "a constraint violation", new DbUpdateException("save failed", new PostgresException("duplicate key", "ERROR", "ERROR", "23505")) },
        { "SQLite constraint", new SqliteException("UNIQUE constraint failed", 19) },
        { "a plain bug", new InvalidOperationException("Sequence contains no elements") },
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void IsUnavailable_IsTrue_WhenTheDatabaseCannotBeUsedRightNow(string what, Exception exception) =>
        DatabaseErrors.IsUnavailable(exception).ShouldBeTrue(what);

    [Theory]
    [MemberData(nameof(Bugs))]
    public void IsUnavailable_IsFalse_WhenTheFailureIsABug(string what, Exception exception) =>
        DatabaseErrors.IsUnavailable(exception).ShouldBeFalse(what);
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CertPrep.Web.Data;

/// <summary>
/// The one place that tells "the database cannot be used right now" (server unreachable, connection cut, pool
/// exhausted, disk full, file read-only or locked) from a bug. Such a failure is the operator's to fix and the
/// learner's to retry later: pages answer 503 with Retry-After (see <c>Pages/Error</c>), never the generic error page.
/// </summary>
public static class DatabaseErrors
{
    /// <summary>What <c>Retry-After</c> says while the database is unavailable: a short wait, then try again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(15);

    public const string Message = "CertPrep cannot reach or write its database right now. Nothing saved before was lost; please try again in a minute.";

    // SQLite primary result codes: BUSY, LOCKED, READONLY, IOERR, FULL, CANTOPEN.
    private static readonly int[] SqliteUnavailable = [5, 6, 8, 10, 13, 14];

    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // EF's retrying strategy (PostgreSQL) gave up on failures it judged transient.
                case RetryLimitExceededException:
                case PostgresException p when IsUnavailable(p.SqlState):
                case NpgsqlException { IsTransient: true }:
                case SqliteException s when SqliteUnavailable.Contains(s.SqliteErrorCode & 0xFF):
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsUnavailable):
                    return true;
            }
        }

        return false;
    }

    // Connection failures (08), insufficient resources such as disk full or too many connections (53), the server
    // shutting down or starting (57P), and writes sent to a read-only standby (25006).
    private static bool IsUnavailable(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState.StartsWith("57P", StringComparison.Ordinal)
        || sqlState == "25006";
}

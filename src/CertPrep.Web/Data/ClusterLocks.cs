using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CertPrep.Web.Data;

/// <summary>
/// Work that must happen on one node at a time when several nodes share a PostgreSQL database (migrating, importing
/// the content, creating the first administrator) takes a PostgreSQL advisory lock. On SQLite there is one node, and
/// the database's own write lock already puts writers in line, so these do nothing there.
/// </summary>
public static class ClusterLocks
{
    /// <summary>Held while a node applies migrations at start-up.</summary>
    public const long Migrations = 0x43_65_72_74_50_01;

    /// <summary>Held by the content import's transaction.</summary>
    public const long ContentImport = 0x43_65_72_74_50_02;

    /// <summary>Held while a node creates the roles and the configured administrator at start-up.</summary>
    public const long Accounts = 0x43_65_72_74_50_03;

    private const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Waits for the lock and holds it until the current transaction ends.</summary>
    public static async Task LockForTransactionAsync(this DatabaseFacade database, long key, CancellationToken cancellationToken)
    {
        if (database.ProviderName == PostgreSqlProvider)
        {
            await database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [key], cancellationToken);
        }
    }

    /// <summary>Waits for the lock and holds it until <see cref="UnlockAsync"/> or the connection closes (open it first).</summary>
    public static async Task LockForSessionAsync(this DatabaseFacade database, long key, CancellationToken cancellationToken)
    {
        if (database.ProviderName == PostgreSqlProvider)
        {
            await database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0})", [key], cancellationToken);
        }
    }

    public static async Task UnlockAsync(this DatabaseFacade database, long key, CancellationToken cancellationToken)
    {
        if (database.ProviderName == PostgreSqlProvider)
        {
            await database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", [key], cancellationToken);
        }
    }
}

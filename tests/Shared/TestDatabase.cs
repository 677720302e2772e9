using CertPrep.Web.Data;
using Npgsql;

namespace CertPrep.Tests.Shared;

/// <summary>A real, empty database for one test fixture: a SQLite file, or a fresh database on the test PostgreSQL server.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    public string ProviderName => Provider == DatabaseProvider.Sqlite ? "Sqlite" : "PostgreSQL";

    public static TestDatabase Create(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? new SqliteTestDatabase() : new PostgresTestDatabase();

    /// <summary>A context on this database configured as the site configures its own (for reading what a site process wrote).</summary>
    public CertPrepDbContext NewContext()
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<CertPrepDbContext>();
        DatabaseSetup.Configure(options, new DatabaseSettings(Provider, ConnectionString));
        return new CertPrepDbContext(options.Options);
    }

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory = Directory.CreateTempSubdirectory("certprep-test-").FullName;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string FilePath => Path.Combine(_directory, "certprep.db");

    public override string ConnectionString => $"Data Source={FilePath}";

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finalizing connection: the temp folder is cleaned by the OS instead.
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A database created on the server named by <c>CERTPREP_TEST_POSTGRES</c> (tools/test.sh starts a throw-away
/// cluster and sets it). Without it the tests fail with a message saying what to run: they are never skipped.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string ServerVariable = "CERTPREP_TEST_POSTGRES";
    private readonly string _name = $"certprep_test_{Guid.NewGuid():N}";

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public static string Server =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"PostgreSQL tests need a server: set {ServerVariable} to a connection string for a superuser " +
                "(for example 'Host=127.0.0.1;Port=5433;Username=postgres'), or run tools/test.sh, which installs " +
                "the 'postgresql' package if needed and starts a throw-away cluster.");

    public override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(Server) { Database = _name, Pooling = true }.ConnectionString;

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

using CertPrep.Web.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CertPrep.Web.Data;

/// <summary>
/// Which database CertPrep uses and how to reach it, resolved once from configuration at start-up.
/// Keys: <c>Database:Provider</c> (Sqlite | PostgreSQL), <c>ConnectionStrings:CertPrep</c>,
/// <c>CertPrep:DataDirectory</c> (where the SQLite file lives when no connection string is given).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "CertPrep";
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;
    public const string DataDirectoryKey = Hosting.DataDirectory.Key;

    public static DatabaseSettings FromConfiguration(IConfiguration configuration, string contentRootPath)
    {
        var providerName = configuration[ProviderKey];
        var provider = ParseProvider(providerName);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);

        return provider switch
        {
            DatabaseProvider.Sqlite => new(provider, SqliteConnectionString(connectionString, configuration, contentRootPath)),
            _ => new(provider, PostgreSqlConnectionString(connectionString)),
        };
    }

    public static DatabaseProvider ParseProvider(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
        _ => throw new StartupConfigurationException(
            $"{ProviderKey} is '{name}', which CertPrep does not know. Set it to 'Sqlite' (the default) or 'PostgreSQL'."),
    };

    /// <summary>A description of the target that is safe to log: no password.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => $"SQLite file {new SqliteConnectionStringBuilder(ConnectionString).DataSource}",
        _ => DescribePostgres(new NpgsqlConnectionStringBuilder(ConnectionString)),
    };

    private static string DescribePostgres(NpgsqlConnectionStringBuilder b) =>
        $"PostgreSQL server {b.Host}:{b.Port}, database '{b.Database}'";

    private static string SqliteConnectionString(string? configured, IConfiguration configuration, string contentRootPath)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
                ? $"Data Source={Path.Combine(Hosting.DataDirectory.Resolve(configuration, contentRootPath), "certprep.db")}"
                : configured);
        }
        catch (ArgumentException ex)
        {
            throw new StartupConfigurationException($"{ConnectionStringKey} is not a valid SQLite connection string: {ex.Message}", ex);
        }

        // A relative file name is taken from the content root, not from whatever directory the process started in.
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRootPath, builder.DataSource));
        }

        var directory = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(directory))
        {
            try
            {
                Directory.CreateDirectory(directory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new StartupConfigurationException(
                    $"Cannot create the data directory '{directory}' ({ex.Message}). Set {DataDirectoryKey} or {ConnectionStringKey} to a writable place.", ex);
            }
        }

        // Several writers (web requests and the job scheduler) share the file: wait for a lock instead of failing.
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        builder.Pooling = true;
        return builder.ToString();
    }

    private static string PostgreSqlConnectionString(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new StartupConfigurationException(
                $"{ProviderKey} is PostgreSQL but {ConnectionStringKey} is empty. Set it, for example 'Host=db.example.org;Database=certprep;Username=certprep;Password=...'.");
        }

        try
        {
            return new NpgsqlConnectionStringBuilder(configured).ConnectionString;
        }
        catch (ArgumentException ex)
        {
            throw new StartupConfigurationException($"{ConnectionStringKey} is not a valid PostgreSQL connection string: {ex.Message}", ex);
        }
    }
}

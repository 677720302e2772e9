using CertPrep.Tests.Shared;
using CertPrep.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CertPrep.Web.Tests.Infrastructure;

/// <summary>One running application on one real database, shared by the tests of a collection.</summary>
public abstract class AppFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private CertPrepFactory? _factory;

    public CertPrepFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

    public DatabaseProvider Provider => provider;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.Create(provider);
        _factory = new CertPrepFactory(_database);
        using var warmUp = _factory.CreateClient(); // starts the host: migrations, roles, scheduler
        await Task.CompletedTask;
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests assert them).</summary>
    public HttpClient NewClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqliteAppFixture() : AppFixture(DatabaseProvider.Sqlite);

public sealed class PostgresAppFixture() : AppFixture(DatabaseProvider.PostgreSql);

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteAppFixture>
{
    public const string Name = "SQLite app";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresAppFixture>
{
    public const string Name = "PostgreSQL app";
}

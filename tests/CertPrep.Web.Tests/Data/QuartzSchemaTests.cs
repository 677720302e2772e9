using System.Data.Common;
using CertPrep.Tests.Shared;
using CertPrep.Web.Data;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CertPrep.Web.Tests.Data;

/// <summary>
/// The Quartz tables come from our migration (frozen DDL). Quartz can also create them itself; both must agree, so a
/// Quartz upgrade that changes its schema fails here until a migration brings the change.
/// </summary>
public abstract class QuartzSchemaTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Migration_CreatesTheSchemaQuartzProvisionsItself()
    {
        await using var migrated = TestDatabase.Create(provider);
        await using var provisioned = TestDatabase.Create(provider);

        await using (var db = migrated.NewContext())
        {
            await db.Database.MigrateAsync();
        }

        await ProvisionWithQuartzAsync(provisioned);

        var expected = await ReadAsync(provisioned);
        var actual = await ReadAsync(migrated);
        expected.Count.ShouldBeGreaterThan(100);
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        (missing.Count + extra.Count).ShouldBe(0,
            $"Quartz provisions:\n  {string.Join("\n  ", missing)}\nbut the migration made:\n  {string.Join("\n  ", extra)}");
    }

    private static async Task ProvisionWithQuartzAsync(TestDatabase database)
    {
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            // Quartz provisions tables, not databases.
            await using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Database}\"";
            await create.ExecuteNonQueryAsync();
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = $"provision-{Guid.NewGuid():N}");
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                if (database.Provider == DatabaseProvider.Sqlite)
                {
                    store.UseSqlite(database.ConnectionString);
                }
                else
                {
                    store.UsePostgres(database.ConnectionString);
                }
            });
        });
        await using var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        await scheduler.Shutdown(waitForJobsToComplete: false);
    }

    private static async Task<IReadOnlyList<string>> ReadAsync(TestDatabase database)
    {
        await using DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString)
            : new Npgsql.NpgsqlConnection(database.ConnectionString);
        return await DatabaseSchema.ReadAsync(connection, DatabaseSchema.IsQuartzTable);
    }
}

public sealed class SqliteQuartzSchemaTests() : QuartzSchemaTests(DatabaseProvider.Sqlite);

public sealed class PostgresQuartzSchemaTests() : QuartzSchemaTests(DatabaseProvider.PostgreSql);

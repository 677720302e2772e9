using System.Data.Common;
using CertPrep.Tests.Shared;
using CertPrep.Web.Accounts;
using CertPrep.Web.Data;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace CertPrep.Web.Tests.Data;

/// <summary>
/// The hand-written migrations are guarded here, on a fresh database of each provider: (1) applying them all yields
/// exactly the schema EF would create from the current model, so a model change without a migration fails;
/// (2) data written at any earlier migration survives migrating to the latest.
/// </summary>
public abstract class MigrationsTests(DatabaseProvider provider)
{
    private static CertPrepDbContext Context(TestDatabase database) => database.NewContext();

    [Fact]
    public async Task Migrations_ProduceTheSchemaOfTheModel()
    {
        await using var migrated = TestDatabase.Create(provider);
        await using var modelled = TestDatabase.Create(provider);

        await using (var db = Context(migrated))
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = Context(modelled))
        {
            // What EnsureCreated does, without the banned call: the schema straight from the current model.
            var creator = db.GetService<IRelationalDatabaseCreator>();
            await creator.CreateAsync();
            await creator.CreateTablesAsync();
        }

        var fromMigrations = await ReadSchemaAsync(migrated, DatabaseSchema.IsApplicationTable);
        var fromModel = await ReadSchemaAsync(modelled, DatabaseSchema.IsApplicationTable);

        fromModel.ShouldNotBeEmpty();
        var missing = fromModel.Except(fromMigrations).ToList();
        var extra = fromMigrations.Except(fromModel).ToList();
        (missing.Count + extra.Count).ShouldBe(0,
            "The migrations do not build the model's schema. Add a migration (docs/migrations.md).\n" +
            $"In the model but not in the migrations:\n  {string.Join("\n  ", missing)}\n" +
            $"In the migrations but not in the model:\n  {string.Join("\n  ", extra)}");
    }

    [Fact]
    public async Task Migrations_AreAllDiscovered_InOrder()
    {
        await using var database = TestDatabase.Create(provider);
        await using var db = Context(database);

        db.Database.GetMigrations().ShouldBe(["20261122010000_Identity", "20261122020000_QuartzJobStore", "20261122030000_JobRuns", "20261122040000_ContentLibrary", "20261122050000_PracticeAndExams", "20261130050000_SpacedRepetition", "20261130060000_Abilities", "20261130070000_AdaptivePractice", "20261130080000_CalibrationAndSnapshots", "20261130090000_StudyPlans", "20261130100000_DataProtectionKeys", "20261130110000_ReviewLogDays"]);
    }

    public static TheoryData<string> EarlierMigrations()
    {
        var database = new SqliteTestDatabase();
        using var db = Context(database);
        var all = db.Database.GetMigrations().ToList();
        var data = new TheoryData<string>();
        foreach (var id in all.Take(all.Count - 1))
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EarlierMigrations))]
    public async Task Migrate_KeepsData_WrittenAtAnEarlierMigration(string earlier)
    {
        await using var database = TestDatabase.Create(provider);
        var all = new List<string>();
        await using (var db = Context(database))
        {
            all.AddRange(db.Database.GetMigrations());
            await db.GetService<IMigrator>().MigrateAsync(earlier);
        }

        var applied = all.Take(all.IndexOf(earlier) + 1).ToHashSet();
        var seeded = MigrationSeed.Rows.Where(r => applied.Contains(r.IntroducedBy)).ToList();
        seeded.ShouldNotBeEmpty();
        await using (var connection = Open(database))
        {
            await connection.OpenAsync();
            foreach (var row in seeded)
            {
                await row.InsertAsync(connection);
            }
        }

        await using (var db = Context(database))
        {
            await db.Database.MigrateAsync();
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        }

        await using (var connection = Open(database))
        {
            await connection.OpenAsync();
            foreach (var row in seeded)
            {
                (await row.CountMatchesAsync(connection)).ShouldBe(1, $"row seeded in {row.Table} at {row.IntroducedBy}");
            }
        }

        // And the application still understands what it finds: the seeded learner signs in with their password.
        await using (var db = Context(database))
        {
            var user = await db.Users.SingleAsync(u => u.Id == MigrationSeed.UserId);
            new PasswordHasher<ApplicationUser>().VerifyHashedPassword(user, user.PasswordHash!, MigrationSeed.UserPassword)
                .ShouldBe(PasswordVerificationResult.Success);
            (await db.UserRoles.CountAsync(r => r.UserId == MigrationSeed.UserId)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Seed_CoversEveryTable()
    {
        await using var database = TestDatabase.Create(provider);
        await using (var db = Context(database))
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = Open(database);
        var tables = (await DatabaseSchema.ReadAsync(connection, DatabaseSchema.IsApplicationTable))
            .Where(l => l.StartsWith("column ", StringComparison.Ordinal))
            .Select(l => l["column ".Length..l.IndexOf('.', StringComparison.Ordinal)])
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var seeded = MigrationSeed.Rows.Select(r => r.Table).ToHashSet(StringComparer.OrdinalIgnoreCase);

        tables.Where(t => !seeded.Contains(t)).ShouldBeEmpty("Add a seed row to MigrationSeed for each new table, so its data is guarded across later migrations.");
    }

    private static DbConnection Open(TestDatabase database) => database.Provider == DatabaseProvider.Sqlite
        ? new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString)
        : new Npgsql.NpgsqlConnection(database.ConnectionString);

    private static async Task<IReadOnlyList<string>> ReadSchemaAsync(TestDatabase database, Func<string, bool> include)
    {
        await using var connection = Open(database);
        return await DatabaseSchema.ReadAsync(connection, include);
    }
}

public sealed class SqliteMigrationsTests() : MigrationsTests(DatabaseProvider.Sqlite);

public sealed class PostgresMigrationsTests() : MigrationsTests(DatabaseProvider.PostgreSql);

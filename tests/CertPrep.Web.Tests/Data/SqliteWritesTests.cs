using System.Data.Common;
using CertPrep.Tests.Shared;
using CertPrep.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Data;

/// <summary>The SQLite write gate and per-connection settings, on a real SQLite file under concurrent writers.</summary>
public sealed class SqliteWritesTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private CertPrepFactory? _app;

    public async Task InitializeAsync()
    {
        _app = new CertPrepFactory(_database);
        using var client = _app.CreateClient(); // migrates
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData("UPDATE \"AttemptItems\" SET \"Flagged\" = 1", true)]
    [InlineData("  insert into x values (1)", true)]
    [InlineData("\nDELETE FROM x", true)]
    [InlineData("SELECT 1", false)]
    [InlineData("PRAGMA synchronous = NORMAL;", false)]
    public void IsAutocommitWrite_TellsWritesFromReads(string sql, bool write)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        SqliteWriteGate.IsAutocommitWrite(command).ShouldBe(write);
    }

    [Fact]
    public async Task Connections_UseBusyTimeoutAndNormalSynchronous_InWalMode()
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertPrepDbContext>();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        (await ScalarAsync(connection, "PRAGMA journal_mode")).ShouldBe("wal");
        (await ScalarAsync(connection, "PRAGMA synchronous")).ShouldBe("1"); // NORMAL
        (await ScalarAsync(connection, "PRAGMA busy_timeout")).ShouldBe("5000");
    }

    [Fact]
    public async Task ConcurrentWriters_AllSucceed_WithoutBusyErrors()
    {
        const int writers = 64;
        await using (var scope = _app!.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertPrepDbContext>();
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE \"GateProbe\" (\"Id\" INTEGER PRIMARY KEY, \"Hits\" INTEGER NOT NULL)");
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"GateProbe\" VALUES (1, 0)");
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, writers), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, ct) =>
        {
            for (var i = 0; i < 10; i++)
            {
                await using var scope = _app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CertPrepDbContext>();
                (await db.Database.ExecuteSqlRawAsync("UPDATE \"GateProbe\" SET \"Hits\" = \"Hits\" + 1 WHERE \"Id\" = 1", ct)).ShouldBe(1);
            }
        });

        await using var check = _app.Services.CreateAsyncScope();
        var total = await check.ServiceProvider.GetRequiredService<CertPrepDbContext>().Database
            .SqlQueryRaw<int>("SELECT \"Hits\" AS \"Value\" FROM \"GateProbe\"").SingleAsync();
        total.ShouldBe(writers * 10);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

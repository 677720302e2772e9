using System.Diagnostics;
using System.Globalization;
using CertPrep.Content.Files;
using CertPrep.ContentBenchmark;
using CertPrep.Domain.Adaptive;
using CertPrep.Web.Adaptive;
using CertPrep.Web.Attempts;
using CertPrep.Web.Data;
using CertPrep.Web.Library;
using Microsoft.Data.Sqlite;
using static CertPrep.Tools.SqliteBulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: dotnet run -c Release --project tools/CertPrep.CalibrationBenchmark [-- questions=2000 learners=5000 answers=200]
// Imports a generated credential into a fresh SQLite database, stores learners' answers (learners x answers) with
// their abilities, then times CalibrationService.RecalibrateAsync: the nightly job's whole work, reading every answer
// and writing every item's parameters.
var settings = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
var questions = settings.GetValueOrDefault("questions", 2000);
var learners = settings.GetValueOrDefault("learners", 5000);
var answersEach = settings.GetValueOrDefault("answers", 200);
var root = Directory.CreateTempSubdirectory("certprep-calibration-").FullName;
try
{
    ContentGenerator.Write(Path.Combine(root, "content"), modules: 8, questions, questionsPerFile: 100, terms: 20);
    var database = Path.Combine(root, "bench.db");
    var connectionString = $"Data Source={database};Default Timeout=60";
    var options = new DbContextOptionsBuilder<CertPrepDbContext>();
    DatabaseSetup.Configure(options, new DatabaseSettings(DatabaseProvider.Sqlite, connectionString));
    await using (var db = new CertPrepDbContext(options.Options))
    {
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var inventory = new ContentInventory(new PhysicalFileProvider(Path.Combine(root, "content")));
        await new ContentImporter(db, inventory, new CertPrep.Content.ContentParseCache(), TimeProvider.System, NullLogger<ContentImporter>.Instance).ImportAsync("benchmark", CancellationToken.None);
    }

    var now = TimeProvider.System.GetUtcNow();
    var generate = Stopwatch.StartNew();
    List<(long VersionId, string QuestionId, string Domain, ItemParameters Truth)> items;
    await using (var db = new CertPrepDbContext(options.Options))
    {
        var random = new Random(3);
        items = [.. (await db.QuestionVersions.AsNoTracking()
                .Join(db.QuestionDomains, v => v.QuestionId, d => d.QuestionId, (v, d) => new { v.Id, v.QuestionId, d.DomainId }).ToListAsync())
            .Select(v => (v.Id, v.QuestionId, v.DomainId, new ItemParameters(0.8 + random.NextDouble(), Normal(random), 0.25)))];
    }

    await Generate(connectionString, items, learners, answersEach, now);
    generate.Stop();
    Console.WriteLine($"Imported {items.Count:N0} questions and stored {learners:N0} learners x {answersEach} answers ({(long)learners * answersEach:N0} answers) in {generate.Elapsed.TotalSeconds:N1} s; database {new FileInfo(database).Length / (1024 * 1024):N0} MiB.");

    var run = Stopwatch.StartNew();
    int fitted;
    await using (var db = new CertPrepDbContext(options.Options))
    {
        fitted = await new CalibrationService(db, new QuestionBank(), TimeProvider.System).RecalibrateAsync(CancellationToken.None);
    }

    run.Stop();
    await using (var db = new CertPrepDbContext(options.Options))
    {
        var truth = items.ToDictionary(i => i.VersionId, i => i.Truth);
        var rows = await db.ItemCalibrations.AsNoTracking().ToListAsync();
        var rmseB = Math.Sqrt(rows.Average(r => Math.Pow(r.B - truth[r.QuestionVersionId].B, 2)));
        Console.WriteLine($"Nightly recalibration: {fitted:N0} items fitted from {(long)learners * answersEach:N0} answers in **{run.Elapsed.TotalSeconds:N1} s** (reading, fitting on both cores, writing); RMSE of b against the generating values {rmseB:0.000}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB.");
    }

    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; SQLite (WAL).");
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(root, recursive: true);
}

static async Task Generate(string connectionString, List<(long VersionId, string QuestionId, string Domain, ItemParameters Truth)> items, int learners, int answersEach, DateTimeOffset now)
{
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using (var pragma = connection.CreateCommand())
    {
        pragma.CommandText = "PRAGMA synchronous = OFF;";
        await pragma.ExecuteNonQueryAsync();
    }

    var random = new Random(11);
    for (var start = 0; start < learners; start += 250)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var user = Command(connection, transaction, "INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, CreatedUtc, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) VALUES ($id, $id, $id, $created, 0, 0, 0, 1, 0)", "$id", "$created");
        await using var attempt = Command(connection, transaction, "INSERT INTO Attempts (UserId, Kind, CredentialId, Title, Seed, StartedUtc, AutoSubmitted, SettingsJson) VALUES ($user, 1, 'bench', 'Practice', 1, $created, 0, '{}') RETURNING Id", "$user", "$created");
        await using var item = Command(connection, transaction, "INSERT INTO AttemptItems (AttemptId, Position, QuestionId, QuestionVersionId, DomainId, IsPretest, Seed, Choices, IsCorrect, Revision, AnsweredUtc, TimeSpentMs, Flagged) VALUES ($attempt, $position, $question, $version, $domain, 0, 1, '0', $correct, 1, $answered, 30000, 0)", "$attempt", "$position", "$question", "$version", "$domain", "$correct", "$answered");
        await using var ability = Command(connection, transaction, "INSERT INTO AbilityStates (UserId, CredentialId, Responses, StateJson, UpdatedUtc) VALUES ($user, 'bench', $n, $json, $updated)", "$user", "$n", "$json", "$updated");
        for (var l = start; l < Math.Min(learners, start + 250); l++)
        {
            var id = $"learner-{l:D6}";
            var theta = Normal(random);
            Set(user, id, now.UtcDateTime);
            await user.ExecuteNonQueryAsync();
            Set(attempt, id, now.UtcDateTime);
            var attemptId = (long)(await attempt.ExecuteScalarAsync())!;
            for (var p = 1; p <= answersEach; p++)
            {
                var (version, question, domain, truth) = items[random.Next(items.Count)];
                Set(item, attemptId, p, question, version, domain, random.NextDouble() < truth.Probability(theta), now.UtcDateTime);
                await item.ExecuteNonQueryAsync();
            }

            var domains = string.Join(",", Enumerable.Range(1, ContentGenerator.Domains).Select(d => string.Create(CultureInfo.InvariantCulture, $"\"d{d}\":{{\"Mean\":{theta:0.###},\"Sd\":0.3,\"Responses\":25,\"Last\":null}}")));
            Set(ability, id, answersEach, string.Create(CultureInfo.InvariantCulture, $"{{\"Overall\":{{\"Mean\":{theta:0.###},\"Sd\":0.2,\"Responses\":{answersEach},\"Last\":null}},\"Domains\":{{{domains}}}}}"), now.UtcDateTime);
            await ability.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}

static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

using System.Diagnostics;
using System.Globalization;
using CertPrep.Tools;
using CertPrep.Web.Data;
using CertPrep.Web.Reviews;
using Microsoft.Data.Sqlite;
using static CertPrep.Tools.SqliteBulk;
using Microsoft.EntityFrameworkCore;

// Usage: dotnet run -c Release --project tools/CertPrep.ReviewJobBenchmark [-- learners=10000 cards=1000]
// Generates learners with cards straight into a fresh SQLite database (migrated like the site's), then times the
// daily job's work (ReviewPlanning.PrepareDaysAsync: every learner's queue and forecast) and runs it a second time
// to show it is idempotent. The database is deleted afterwards.
var settings = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
var learners = settings.GetValueOrDefault("learners", 10_000);
var cardsPerLearner = settings.GetValueOrDefault("cards", 1_000);
var root = Directory.CreateTempSubdirectory("certprep-reviewjob-").FullName;
var database = Path.Combine(root, "bench.db");
var connectionString = $"Data Source={database};Default Timeout=60";
var options = new DbContextOptionsBuilder<CertPrepDbContext>();
DatabaseSetup.Configure(options, new DatabaseSettings(DatabaseProvider.Sqlite, connectionString));
try
{
    await using (var migrate = new CertPrepDbContext(options.Options))
    {
        await migrate.Database.MigrateAsync();
        await migrate.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    var now = TimeProvider.System.GetUtcNow();
    var generate = Stopwatch.StartNew();
    await Generate(connectionString, learners, cardsPerLearner, now);
    generate.Stop();
    Console.WriteLine($"Generated {learners:N0} learners x {cardsPerLearner:N0} cards ({(long)learners * cardsPerLearner:N0} cards, half the learners with an exam date) in {generate.Elapsed.TotalSeconds:N1} s; database {new FileInfo(database).Length / (1024 * 1024):N0} MiB.");

    var clock = new FixedClock(now.AddHours(1));
    if (Environment.GetEnvironmentVariable("REVIEWJOB_PROFILE") == "1")
    {
        var load = Stopwatch.StartNew();
        await using var probe = new CertPrepDbContext(options.Options);
        var all = await probe.ReviewCards.AsNoTracking()
            .Select(c => new { c.UserId, Card = new PlanningCard(c.Id, c.State, c.Stability, c.Difficulty, c.Step, c.Reps, c.Lapses, c.LastReviewDay, c.ElapsedDays, c.ScheduledDays, c.DueDay, c.State == CertPrep.Domain.Scheduling.CardState.Review ? null : c.DueUtc, null) })
            .ToListAsync();
        Console.WriteLine($"Loading all {all.Count:N0} cards alone (the job's projection): {load.Elapsed.TotalSeconds:N1} s");
    }

    var run = Stopwatch.StartNew();
    int prepared;
    await using (var db = new CertPrepDbContext(options.Options))
    {
        prepared = await new ReviewPlanning(db, clock).PrepareDaysAsync(CancellationToken.None);
    }

    run.Stop();
    var again = Stopwatch.StartNew();
    int second;
    await using (var db = new CertPrepDbContext(options.Options))
    {
        second = await new ReviewPlanning(db, clock).PrepareDaysAsync(CancellationToken.None);
    }

    again.Stop();
    Console.WriteLine($"Daily job: prepared {prepared:N0} learners' days (queue and forecast) in {run.Elapsed.TotalSeconds:N1} s ({(long)learners * cardsPerLearner / run.Elapsed.TotalSeconds:N0} cards/s); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB.");
    Console.WriteLine($"Second run (idempotent): prepared {second:N0} in {again.Elapsed.TotalSeconds:N1} s.");
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; SQLite (WAL).");
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(root, recursive: true);
}

static async Task Generate(string connectionString, int learners, int cardsPerLearner, DateTimeOffset now)
{
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using (var pragma = connection.CreateCommand())
    {
        pragma.CommandText = "PRAGMA synchronous = OFF;";
        await pragma.ExecuteNonQueryAsync();
    }

    var random = new Random(20261130);
    var today = DateOnly.FromDateTime(now.UtcDateTime).DayNumber - (now.UtcDateTime.Hour < 4 ? 1 : 0);
    const int learnersPerTransaction = 200;
    for (var start = 0; start < learners; start += learnersPerTransaction)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var user = Command(connection, transaction, "INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, CreatedUtc, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) VALUES ($id, $name, $norm, $name, $norm, $created, 0, 0, 0, 1, 0)", "$id", "$name", "$norm", "$created");
        await using var enrolment = Command(connection, transaction, "INSERT INTO Enrolments (UserId, CredentialId, ExamDate, EnrolledUtc) VALUES ($user, 'cpim', $exam, $created)", "$user", "$exam", "$created");
        await using var card = Command(
            connection,
            transaction,
            "INSERT INTO ReviewCards (UserId, Kind, ItemId, CredentialId, Topic, State, Stability, Difficulty, Step, Reps, Lapses, LastReviewUtc, LastReviewDay, ElapsedDays, ScheduledDays, DueUtc, DueDay, Seed, CreatedUtc) " +
            "VALUES ($user, 'Question', $item, 'cpim', $topic, 'Review', $s, $d, 0, $reps, $lapses, $last, $lastDay, $elapsed, $scheduled, $due, $dueDay, $seed, $created)",
            "$user", "$item", "$topic", "$s", "$d", "$reps", "$lapses", "$last", "$lastDay", "$elapsed", "$scheduled", "$due", "$dueDay", "$seed", "$created");
        for (var l = start; l < Math.Min(learners, start + learnersPerTransaction); l++)
        {
            var id = $"learner-{l:D6}";
            Set(user, id, $"{id}@example.org", $"{id.ToUpperInvariant()}@EXAMPLE.ORG", now.UtcDateTime.AddDays(-90));
            await user.ExecuteNonQueryAsync();
            if (l % 2 == 0)
            {
                Set(enrolment, id, DateOnly.FromDayNumber(today + 10 + random.Next(80)), now.UtcDateTime.AddDays(-90));
                await enrolment.ExecuteNonQueryAsync();
            }

            for (var c = 0; c < cardsPerLearner; c++)
            {
                var stability = 0.5 + (random.NextDouble() * random.NextDouble() * 120);
                var scheduled = Math.Max(1, (int)Math.Round(stability));
                var dueDay = today - 3 + random.Next(Math.Max(4, scheduled));
                var lastDay = dueDay - scheduled;
                Set(card, id, $"q-{c:D5}", $"topic-{c % 97}", stability, 1 + (random.NextDouble() * 9), 2 + random.Next(8), random.Next(3),
                    DateTime.SpecifyKind(DateOnly.FromDayNumber(lastDay).ToDateTime(new TimeOnly(18, 0)), DateTimeKind.Utc), lastDay, random.Next(1, 30), scheduled,
                    DateTime.SpecifyKind(DateOnly.FromDayNumber(dueDay).ToDateTime(new TimeOnly(4, 0)), DateTimeKind.Utc), dueDay, random.NextInt64(), now.UtcDateTime.AddDays(-60));
                await card.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }
}

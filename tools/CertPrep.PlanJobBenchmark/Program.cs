using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CertPrep.Content;
using CertPrep.Content.Files;
using CertPrep.Domain.Planning;
using CertPrep.Domain.Scheduling;
using CertPrep.Web.Adaptive;
using CertPrep.Web.Attempts;
using CertPrep.Web.Data;
using CertPrep.Web.Library;
using CertPrep.Web.Planning;
using CertPrep.Web.Reviews;
using CertPrep.Tools;
using Microsoft.Data.Sqlite;
using static CertPrep.Tools.SqliteBulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: dotnet run -c Release --project tools/CertPrep.PlanJobBenchmark [-- learners=10000 history=0]
// Imports the repository's content/ into a fresh SQLite database (migrated like the site's), generates learners with
// everything their plans are made from (enrolment, study settings, modules read, practice and mock exams, mastery
// snapshot, review forecast and cards), then times PlanService.ReplanDueAsync, the replan-study-plans job's work:
// (1) every enrolment's first plan, (2) a day later the nightly re-plan of every plan (the headline), (3) the same day
// again (idempotent: nothing to do). The database is deleted afterwards. PLANJOB_PROFILE=1 adds where run 2's time goes
// (its queries and saves, and beforehand its loading and planning timed alone).
var settings = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
var learners = settings.GetValueOrDefault("learners", 10_000);
// history=N: each enrolment already has N past days frozen and a change logged each night (up to the 90 days kept),
// as after months of nightly runs; the default 0 is a site whose plans are new.
var history = Math.Clamp(settings.GetValueOrDefault("history", 0), 0, PlanService.HistoryDays);
var profile = Environment.GetEnvironmentVariable("PLANJOB_PROFILE") == "1";
var repository = ToolEnvironment.RepositoryRoot();
var root = Directory.CreateTempSubdirectory("certprep-planjob-").FullName;
var database = Path.Combine(root, "bench.db");
var connectionString = $"Data Source={database};Default Timeout=60";
var options = new DbContextOptionsBuilder<CertPrepDbContext>();
DatabaseSetup.Configure(options, new DatabaseSettings(DatabaseProvider.Sqlite, connectionString));
var commandTimes = new CommandTimes();
var saveTimes = new SaveTimes();
if (profile)
{
    options.AddInterceptors(commandTimes, saveTimes);
}

try
{
    // Noon UTC today: every time zone's 04:00 day start is hours away, so +1 day is exactly one learner day for all.
    var now = new DateTimeOffset(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    var generate = Stopwatch.StartNew();
    ContentImport import;
    await using (var db = new CertPrepDbContext(options.Options))
    {
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var inventory = new ContentInventory(new PhysicalFileProvider(Path.Combine(repository, "content")));
        import = await new ContentImporter(db, inventory, new ContentParseCache(), new FixedClock(now.AddDays(-120)), NullLogger<ContentImporter>.Instance).ImportAsync("benchmark", CancellationToken.None);
    }

    var library = await ImportedLibrary.LoadAsync(options.Options);
    await Generate(connectionString, library, learners, history, now);
    generate.Stop();
    var generated = await ToolEnvironment.CountsAsync(options.Options, "Enrolments", "StudySettings", "ModuleReads", "Attempts", "AttemptItems", "MasterySnapshots", "ReviewDays", "ReviewCards", "StudyPlanDays", "StudyPlanChanges");
    Console.WriteLine($"Imported content/ ({string.Join(", ", library.Select(c => $"{c.Id}: {c.Modules.Count} modules, {c.Questions.Count} questions"))}; {import.Errors} errors) " +
        $"and generated {learners:N0} learners ({history} days of plan history) in {generate.Elapsed.TotalSeconds:N1} s; database {Size(database)}.");
    Console.WriteLine("Rows: " + string.Join(", ", generated.Select(c => $"{c.Key} {c.Value:N0}")) + ".");
    var enrolments = generated["Enrolments"];

    var today = new FixedClock(now);
    var tomorrow = new FixedClock(now.AddDays(1));
    var (first, firstTime) = await Replan(options.Options, today);
    Console.WriteLine($"Run 1, first plans (no enrolment has a plan yet): planned {first:N0} of {enrolments:N0} enrolments in {firstTime.TotalSeconds:N1} s ({first / firstTime.TotalSeconds:N0} plans/s).");

    if (profile)
    {
        await Profile(options.Options, tomorrow);
        commandTimes.Clear();
        saveTimes.Clear();
    }

    var (nightly, nightlyTime) = await Replan(options.Options, tomorrow);
    Console.WriteLine($"Run 2, nightly re-plan a day later (decode, re-plan, freeze yesterday, log): planned {nightly:N0} of {enrolments:N0} enrolments in **{nightlyTime.TotalSeconds:N1} s** ({nightly / nightlyTime.TotalSeconds:N0} plans/s).");
    if (profile)
    {
        var reads = commandTimes.Snapshot();
        var save = saveTimes.Elapsed;
        Console.WriteLine($"  Run 2 breakdown: SaveChanges {save.TotalSeconds:N1} s ({saveTimes.Count} calls); queries {reads.Sum(r => r.Value.Elapsed.TotalSeconds):N1} s; the rest (planning, encoding, change tracking) {(nightlyTime - save).TotalSeconds - reads.Sum(r => r.Value.Elapsed.TotalSeconds):N1} s.");
        foreach (var (label, (count, elapsed)) in reads.OrderByDescending(r => r.Value.Elapsed))
        {
            Console.WriteLine($"    {elapsed.TotalSeconds,6:N2} s  {count,5:N0} x  {label}");
        }
    }

    var (again, againTime) = await Replan(options.Options, tomorrow);
    Console.WriteLine($"Run 3, same day again (idempotent): planned {again:N0} in {againTime.TotalSeconds:N1} s.");

    var stored = await ToolEnvironment.CountsAsync(options.Options, "StudyPlans", "StudyPlanDays", "StudyPlanChanges");
    Console.WriteLine($"After the runs: {string.Join(", ", stored.Select(c => $"{c.Key} {c.Value:N0}"))}; database {Size(database)}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB.");
    await using (var db = new CertPrepDbContext(options.Options))
    {
        var plans = await db.StudyPlans.AsNoTracking().GroupBy(_ => 1)
            .Select(g => new { Fits = g.Count(p => p.Fits), Shortfall = g.Average(p => (double)p.ShortfallMinutes), Bytes = g.Average(p => (double)p.PlanData.Length), Revision = g.Max(p => p.Revision) })
            .SingleAsync();
        Console.WriteLine($"Plans: {plans.Fits:N0} fit ({plans.Fits * 100.0 / Math.Max(1, stored["StudyPlans"]):N0}%), mean shortfall {plans.Shortfall:N0} min, mean stored size {plans.Bytes / 1024:N1} KiB gzipped, revision {plans.Revision}.");
        if (profile)
        {
            var learner = await db.StudyPlanChanges.AsNoTracking().OrderBy(c => c.UserId).Select(c => c.UserId).FirstAsync();
            foreach (var change in await db.StudyPlanChanges.AsNoTracking().Where(c => c.UserId == learner && c.ChangedUtc >= now.UtcDateTime).OrderBy(c => c.ChangedUtc).ToListAsync())
            {
                Console.WriteLine($"  {learner} change log ({change.Trigger}, {change.ChangedUtc:u}): {change.ChangesJson}");
            }
        }
    }

    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; SQLite (WAL).");
    if (nightly != enrolments || again != 0)
    {
        Console.Error.WriteLine($"FAILED: run 2 must plan every enrolment ({nightly:N0} of {enrolments:N0}) and run 3 none ({again:N0}).");
        Environment.ExitCode = 1;
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(root, recursive: true);
}

// One run of the job as the site runs it: a fresh context, the services built the way the container builds them.
static async Task<(int Planned, TimeSpan Elapsed)> Replan(DbContextOptions<CertPrepDbContext> options, TimeProvider clock)
{
    var run = Stopwatch.StartNew();
    await using var db = new CertPrepDbContext(options);
    var mastery = new MasteryService(db, new QuestionPool(db), new QuestionBank(), clock);
    var planned = await new PlanService(db, new PlanInputs(db, clock), mastery, new ReviewPlanning(db, clock), clock).ReplanDueAsync(CancellationToken.None);
    return (planned, run.Elapsed);
}

// Run 2's parts alone, before run 2 itself: loading (PlanInputs for every batch of learners, as the job pages them),
// then on one core the planning of every loaded enrolment as PlanService does it (decode, re-plan, encode).
static async Task Profile(DbContextOptions<CertPrepDbContext> options, TimeProvider clock)
{
    await using var db = new CertPrepDbContext(options);
    var users = await db.Enrolments.AsNoTracking().Select(e => e.UserId).Distinct().OrderBy(u => u).ToListAsync();
    var inputs = new PlanInputs(db, clock);
    var load = Stopwatch.StartNew();
    var contexts = new List<PlanContext>();
    foreach (var batch in users.Chunk(PlanService.LearnersPerBatch))
    {
        contexts.AddRange(await inputs.LoadAsync(batch, null, CancellationToken.None));
    }

    load.Stop();
    Console.WriteLine($"  Profile: loading run 2's inputs alone (PlanInputs.LoadAsync, {contexts.Count:N0} contexts, {contexts.Sum(c => (long)(c.Stored?.PlanData.Length ?? 0)) / 1024.0 / 1024:N1} MiB of stored plans): {load.Elapsed.TotalSeconds:N1} s.");

    var (decode, replanFits, replanShort, encode) = (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
    var fits = 0;
    foreach (var context in contexts.Where(c => c.Stored is not null))
    {
        var start = Stopwatch.GetTimestamp();
        var previous = PlanService.Decode(context.Stored!.PlanData);
        var decoded = Stopwatch.GetTimestamp();
        var done = context.Request.Modules.Where(m => m.IsRead).Select(m => $"read:{m.Id}")
            .Concat(previous.Days.SelectMany(d => d.Tasks).Where(t => t.Kind == PlanTaskKind.MockExam).Select(t => t.Id).Take(context.Request.MocksTaken))
            .ToHashSet(StringComparer.Ordinal);
        var (plan, _) = StudyPlanner.Replan(previous, context.Request, done, []);
        var planned = Stopwatch.GetTimestamp();
        _ = PlanService.Encode(plan);
        var encoded = Stopwatch.GetTimestamp();
        decode += Stopwatch.GetElapsedTime(start, decoded);
        encode += Stopwatch.GetElapsedTime(planned, encoded);
        if (plan.Fits)
        {
            fits++;
            replanFits += Stopwatch.GetElapsedTime(decoded, planned);
        }
        else
        {
            replanShort += Stopwatch.GetElapsedTime(decoded, planned);
        }
    }

    var shortCount = Math.Max(1, contexts.Count - fits);
    Console.WriteLine($"  Profile: planning on one core: decode {decode.TotalSeconds:N1} s, StudyPlanner.Replan {(replanFits + replanShort).TotalSeconds:N1} s " +
        $"({fits:N0} plans that fit: {replanFits.TotalMilliseconds / Math.Max(1, fits):N2} ms each; {contexts.Count - fits:N0} that do not, with their checked options: {replanShort.TotalMilliseconds / shortCount:N2} ms each), encode {encode.TotalSeconds:N1} s.");
}

static async Task Generate(string connectionString, List<LibraryCredential> library, int learners, int history, DateTimeOffset now)
{
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using (var pragma = connection.CreateCommand())
    {
        pragma.CommandText = "PRAGMA synchronous = OFF;";
        await pragma.ExecuteNonQueryAsync();
    }

    string[] zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney"];
    string[] easyDays = ["NNNNNNN", "XNNNNNR", "NNNNNNN", "RNNNNNN", "XNNNNNN", "NNNRNNX"];
    var random = new Random(20261130);
    var utcToday = DateOnly.FromDateTime(now.UtcDateTime);
    var created = now.UtcDateTime.AddDays(-90);
    var enrolled = now.UtcDateTime.AddDays(-Math.Max(30, history + 1));
    var past = new Random(7); // its own stream: the other data stay the same whatever the history
    var json = new JsonSerializerOptions(JsonSerializerDefaults.General);
    const int learnersPerTransaction = 200;
    for (var start = 0; start < learners; start += learnersPerTransaction)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var user = Command(connection, transaction, "INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, CreatedUtc, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) VALUES ($id, $name, $norm, $name, $norm, $created, 0, 0, 0, 1, 0)", "$id", "$name", "$norm", "$created");
        await using var enrolment = Command(connection, transaction, "INSERT INTO Enrolments (UserId, CredentialId, FormId, ExamDate, WeeklyHours, StudyDays, StudyStartMinutes, EnrolledUtc) VALUES ($user, $credential, NULL, $exam, $hours, $days, NULL, $enrolled)", "$user", "$credential", "$exam", "$hours", "$days", "$enrolled");
        await using var studySettings = Command(connection, transaction, "INSERT INTO StudySettings (UserId, DesiredRetention, ExamTarget, NewPerDay, ReviewsPerDay, EasyDays, TimeZone, DayStartMinutes, UpdatedUtc) VALUES ($user, 0.9, 0.9, 20, 200, $easy, $zone, 240, $updated)", "$user", "$easy", "$zone", "$updated");
        await using var moduleRead = Command(connection, transaction, "INSERT INTO ModuleReads (UserId, ModuleId, ReadUtc) VALUES ($user, $module, $read)", "$user", "$module", "$read");
        await using var attempt = Command(
            connection,
            transaction,
            "INSERT INTO Attempts (UserId, Kind, CredentialId, FormId, FormLength, Title, Seed, StartedUtc, DeadlineUtc, TimeLimitMinutes, SubmittedUtc, AutoSubmitted, LastPosition, LastActivityUtc, ScoredItems, Correct, SettingsJson) " +
            "VALUES ($user, $kind, $credential, $form, $length, $title, $seed, $started, $deadline, $limit, $submitted, 0, $last, $submitted, $scored, $correct, '{}') RETURNING Id",
            "$user", "$kind", "$credential", "$form", "$length", "$title", "$seed", "$started", "$deadline", "$limit", "$submitted", "$last", "$scored", "$correct");
        await using var item = Command(
            connection,
            transaction,
            "INSERT INTO AttemptItems (AttemptId, Position, QuestionId, QuestionVersionId, DomainId, IsPretest, Seed, Choices, IsCorrect, Revision, AnsweredUtc, TimeSpentMs, Flagged) " +
            "VALUES ($attempt, $position, $question, $version, $domain, $pretest, $seed, '0', $correct, 1, $answered, $ms, 0)",
            "$attempt", "$position", "$question", "$version", "$domain", "$pretest", "$seed", "$correct", "$answered", "$ms");
        await using var snapshot = Command(connection, transaction, "INSERT INTO MasterySnapshots (UserId, CredentialId, Day, MasteryJson) VALUES ($user, $credential, $day, $json)", "$user", "$credential", "$day", "$json");
        await using var reviewDay = Command(connection, transaction, "INSERT INTO ReviewDays (UserId, Day, PreparedUtc, DueCount, NewCardsAllowed, QueueJson, ForecastJson) VALUES ($user, $day, $prepared, $due, 1, '[]', $forecast)", "$user", "$day", "$prepared", "$due", "$forecast");
        await using var card = Command(
            connection,
            transaction,
            "INSERT INTO ReviewCards (UserId, Kind, ItemId, CredentialId, Topic, State, Stability, Difficulty, Step, Reps, Lapses, LastReviewUtc, LastReviewDay, ElapsedDays, ScheduledDays, DueUtc, DueDay, Seed, CreatedUtc) " +
            "VALUES ($user, 'Question', $item, $credential, $topic, 'Review', $s, $d, 0, $reps, $lapses, $last, $lastDay, $elapsed, $scheduled, $due, $dueDay, $seed, $created)",
            "$user", "$item", "$credential", "$topic", "$s", "$d", "$reps", "$lapses", "$last", "$lastDay", "$elapsed", "$scheduled", "$due", "$dueDay", "$seed", "$created");
        await using var frozenDay = Command(connection, transaction, "INSERT INTO StudyPlanDays (UserId, CredentialId, Date, BudgetMinutes, PlannedMinutes, TasksJson) VALUES ($user, $credential, $date, $budget, $planned, $tasks)", "$user", "$credential", "$date", "$budget", "$planned", "$tasks");
        await using var change = Command(connection, transaction, "INSERT INTO StudyPlanChanges (UserId, CredentialId, ChangedUtc, Trigger, ChangesJson) VALUES ($user, $credential, $changed, 'nightly', $changes)", "$user", "$credential", "$changed", "$changes");
        for (var l = start; l < Math.Min(learners, start + learnersPerTransaction); l++)
        {
            var id = $"learner-{l:D6}";
            var credential = library[random.Next(library.Count)];
            Set(user, id, $"{id}@example.org", $"{id.ToUpperInvariant()}@EXAMPLE.ORG", created);
            await user.ExecuteNonQueryAsync();

            // Enrolment: 80% with an exam date 2 weeks to 6 months ahead; half choose their study days (4-6 of 7).
            DateOnly? exam = random.NextDouble() < 0.8 ? utcToday.AddDays(14 + random.Next(167)) : null;
            string? studyDays = null;
            if (random.Next(2) == 0)
            {
                var days = new char[7];
                Array.Fill(days, '0');
                foreach (var d in Enumerable.Range(0, 7).OrderBy(_ => random.Next()).Take(4 + random.Next(3)))
                {
                    days[d] = '1';
                }

                studyDays = new string(days);
            }

            Set(enrolment, id, credential.Id, exam is { } e ? (object)e : DBNull.Value, 3 + random.Next(13), studyDays ?? (object)DBNull.Value, enrolled);
            await enrolment.ExecuteNonQueryAsync();

            // Study settings for 60%: a time zone and easy days (the others keep the defaults: UTC, every day normal).
            var learnerSettings = new StudySettings { UserId = id };
            if (random.NextDouble() < 0.6)
            {
                learnerSettings.TimeZone = zones[random.Next(zones.Length)];
                learnerSettings.EasyDays = easyDays[random.Next(easyDays.Length)];
                Set(studySettings, id, learnerSettings.EasyDays, learnerSettings.TimeZone, created);
                await studySettings.ExecuteNonQueryAsync();
            }

            var learnerToday = LearnerSchedule.For(learnerSettings, new Dictionary<string, DateOnly>()).Calendar.DayOf(now);

            // Modules read: 0-60% of the credential's, in order.
            var read = (int)Math.Round(credential.Modules.Count * random.NextDouble() * 0.6);
            foreach (var module in credential.Modules.Take(read))
            {
                Set(moduleRead, id, module, now.UtcDateTime.AddDays(-1 - random.Next(29)));
                await moduleRead.ExecuteNonQueryAsync();
            }

            // Practice: 3-10 quizzes of 10-30 answered questions over the last 60 days.
            var practices = 3 + random.Next(8);
            for (var p = 0; p < practices; p++)
            {
                var started = now.UtcDateTime.AddMinutes(-120 - random.Next(59 * 24 * 60));
                await Attempt(attempt, item, random, credential, id, started, 10 + random.Next(21), null, 20_000, 150_000);
            }

            // Mock exams: 0-2 submitted since enrolling (full or half length of the credential's form).
            var mocks = random.Next(3);
            for (var m = 0; m < mocks; m++)
            {
                var started = now.UtcDateTime.AddDays(-2 - random.Next(25)).AddMinutes(-random.Next(600));
                await Attempt(attempt, item, random, credential, id, started, 0, random.Next(2) == 0 ? "Full" : "Half", 30_000, 100_000);
            }

            // The nightly mastery snapshot (today, UTC): each domain's predicted share and the projected exam share.
            var mastery = credential.Domains.ToDictionary(d => d, _ => Math.Round(0.3 + (random.NextDouble() * 0.6), 4), StringComparer.Ordinal);
            mastery[MasterySnapshotService.ExamKey] = Math.Round(mastery.Values.Average(), 4);
            Set(snapshot, id, credential.Id, utcToday, JsonSerializer.Serialize(mastery));
            await snapshot.ExecuteNonQueryAsync();

            // The review job's prepared day for the learner's today, with its 60-day forecast, and the learner's cards.
            var forecast = new ForecastView(
                learnerToday,
                [.. Enumerable.Range(0, 60).Select(i => new ForecastDay(learnerToday + i, random.Next(41)))],
                exam?.DayNumber,
                exam is null ? null : credential.Id,
                exam is null ? null : 0.85 + (random.NextDouble() * 0.1),
                40,
                50,
                NewCardsAllowed: true,
                ConsolidationDays: 0);
            Set(reviewDay, id, learnerToday, now.UtcDateTime.AddHours(-1), forecast.Days[0].Reviews, forecast.Write());
            await reviewDay.ExecuteNonQueryAsync();
            foreach (var question in credential.Questions.OrderBy(_ => random.Next()).Take(50))
            {
                var stability = 0.5 + (random.NextDouble() * random.NextDouble() * 60);
                var scheduled = Math.Max(1, (int)Math.Round(stability));
                var dueDay = learnerToday - 3 + random.Next(Math.Max(4, scheduled));
                var lastDay = dueDay - scheduled;
                Set(card, id, question.QuestionId, credential.Id, question.DomainId, stability, 1 + (random.NextDouble() * 9), 2 + random.Next(8), random.Next(3),
                    DateTime.SpecifyKind(DateOnly.FromDayNumber(lastDay).ToDateTime(new TimeOnly(18, 0)), DateTimeKind.Utc), lastDay, random.Next(1, 30), scheduled,
                    DateTime.SpecifyKind(DateOnly.FromDayNumber(dueDay).ToDateTime(new TimeOnly(4, 0)), DateTimeKind.Utc), dueDay, random.NextInt64(), enrolled);
                await card.ExecuteNonQueryAsync();
            }

            // history: the days earlier nightly runs froze (reviews, a module or practice, adaptive practice) and their log.
            for (var d = 1; d <= history; d++)
            {
                var date = utcToday.AddDays(-d);
                var domain = credential.Domains[past.Next(credential.Domains.Count)];
                List<PlanTask> tasks =
                [
                    new("review", PlanTaskKind.Review, "reviews", "Reviews", 5 + past.Next(40), PlanPhase.Learn),
                    past.Next(3) == 0
                        ? new($"read:{credential.Modules[past.Next(credential.Modules.Count)]}", PlanTaskKind.Read, credential.Id, "Read: a module", 30 + past.Next(60), PlanPhase.Learn)
                        : new($"practice:{domain}:{date:yyyy-MM-dd}:{d}", PlanTaskKind.Practice, domain, $"Adaptive practice: {domain}", 15, PlanPhase.Consolidate),
                    new($"practice:{domain}:{date:yyyy-MM-dd}:{d + 1}", PlanTaskKind.Practice, domain, $"Adaptive practice: {domain}", 15, PlanPhase.Consolidate),
                ];
                Set(frozenDay, id, credential.Id, date, 120, tasks.Sum(t => t.Minutes), JsonSerializer.Serialize(tasks, json));
                await frozenDay.ExecuteNonQueryAsync();
                if (d <= PlanService.ChangeLogDays + 1)
                {
                    Set(change, id, credential.Id, now.UtcDateTime.AddDays(-d), JsonSerializer.Serialize(new[] { "1 reading or mock-exam task was not done and moved to the next days with room.", "2 tasks moved earlier and 1 later." }, json));
                    await change.ExecuteNonQueryAsync();
                }
            }
        }

        await transaction.CommitAsync();
    }
}

// Inserts a submitted practice quiz (length null) or mock exam ("Full" or "Half") with its answered items.
static async Task Attempt(SqliteCommand attempt, SqliteCommand item, Random random, LibraryCredential credential, string user, DateTime started, int count, string? length, int minMs, int maxMs)
{
    var minutes = length switch { null => 0, "Full" => credential.FormMinutes, _ => credential.FormMinutes / 2 };
    count = length switch { null => count, "Full" => credential.FormItems, _ => credential.FormItems / 2 };
    var items = Enumerable.Range(0, count).Select(_ => (Question: credential.Questions[random.Next(credential.Questions.Count)], Ms: random.Next(minMs, maxMs + 1), Right: random.NextDouble() < 0.65)).ToList();
    var submitted = started.AddMilliseconds(items.Sum(i => (long)i.Ms));
    Set(
        attempt,
        user,
        length is null ? 1 : 2,
        credential.Id,
        length is null ? DBNull.Value : credential.FormId,
        length ?? (object)DBNull.Value,
        length is null ? "Practice" : $"{length} mock exam",
        random.Next(),
        started,
        length is null ? DBNull.Value : started.AddMinutes(minutes),
        length is null ? DBNull.Value : minutes,
        submitted,
        count,
        count,
        items.Count(i => i.Right));
    var attemptId = (long)(await attempt.ExecuteScalarAsync())!;
    var answered = started;
    for (var position = 1; position <= count; position++)
    {
        var (question, ms, right) = items[position - 1];
        answered = answered.AddMilliseconds(ms);
        Set(item, attemptId, position, question.QuestionId, question.VersionId, question.DomainId, false, random.Next(), right, answered, ms);
        await item.ExecuteNonQueryAsync();
    }
}

static string Size(string database)
{
    var wal = new FileInfo(database + "-wal");
    var mib = (new FileInfo(database).Length + (wal.Exists ? wal.Length : 0)) / (1024.0 * 1024);
    return $"{mib:N0} MiB";
}


/// <summary>PLANJOB_PROFILE: time per query shape (from execution until its reader is disposed, so reading the rows counts).</summary>
internal sealed class CommandTimes : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<DbCommand, long> _started = new();
    private readonly ConcurrentDictionary<string, (int Count, long Ticks)> _totals = new(StringComparer.Ordinal);

    public void Clear() => _totals.Clear();

    public Dictionary<string, (int Count, TimeSpan Elapsed)> Snapshot() =>
        _totals.ToDictionary(t => t.Key, t => (t.Value.Count, Stopwatch.GetElapsedTime(0, t.Value.Ticks)), StringComparer.Ordinal);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _started[command] = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        _started[command] = Stopwatch.GetTimestamp();
        return result;
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Stop(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _started[command] = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop(command);
        return ValueTask.FromResult(result);
    }

    private void Stop(DbCommand command)
    {
        if (_started.TryRemove(command, out var started))
        {
            var ticks = Stopwatch.GetTimestamp() - started;
            _totals.AddOrUpdate(Label(command.CommandText), (1, ticks), (_, t) => (t.Count + 1, t.Ticks + ticks));
        }
    }

    private static string Label(string sql)
    {
        var text = sql.ReplaceLineEndings(" ");
        var from = text.IndexOf(" FROM ", StringComparison.Ordinal);
        var verb = text.TrimStart().Split(' ', 2)[0];
        return verb switch
        {
            "SELECT" when from >= 0 => "SELECT ... " + Truncate(text[(from + 1)..], 70),
            _ => Truncate(text.TrimStart(), 80),
        };
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "...";
}

/// <summary>PLANJOB_PROFILE: time spent in SaveChanges (the batch's inserts and updates, with change detection).</summary>
internal sealed class SaveTimes : SaveChangesInterceptor
{
    private long _started;
    private long _ticks;

    public int Count { get; private set; }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, _ticks);

    public void Clear() => (_ticks, Count) = (0, 0);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _started = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        _ticks += Stopwatch.GetTimestamp() - _started;
        Count++;
        return ValueTask.FromResult(result);
    }
}

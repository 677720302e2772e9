using System.Text.Json;
using CertPrep.Domain.Scheduling;
using CertPrep.Tools;
using CertPrep.Web.Accounts;
using CertPrep.Web.Adaptive;
using CertPrep.Web.Reviews;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using static CertPrep.Tools.SqliteBulk;

namespace CertPrep.LoadData;

/// <summary>
/// Writes generated learners with raw prepared SQL (fast enough for 100,000 learners). Each learner
/// <c>learner-NNNNNN@example.org</c> (password: the load test's) has one enrolment (credential at random, 80% with an
/// exam date 2 weeks to 6 months ahead), study settings for 60%, 0-60% of the modules read, 3-6 practice quizzes of
/// 10-20 answers over the last 60 days and for half of them a submitted half-length mock exam (about 100 answers per
/// learner), a review card with its last review log for each question answered in practice (up to 50, a few due
/// today), today's mastery snapshot and the review job's prepared day.
/// </summary>
internal static class HistoryWriter
{
    private const int LearnersPerTransaction = 500;
    private const int MaxCards = 50;

    public static async Task WriteAsync(string connectionString, IReadOnlyList<LibraryCredential> library, int learners, DateTimeOffset now)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF;";
            await pragma.ExecuteNonQueryAsync();
        }

        // One hash for every generated account: hashing 100,000 passwords would take longer than the rest.
        var passwordHash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), "load-test passphrase 42");
        string[] zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney"];
        var random = new Random(20261130);
        var utcToday = DateOnly.FromDateTime(now.UtcDateTime);
        var created = now.UtcDateTime.AddDays(-90);
        var enrolled = now.UtcDateTime.AddDays(-60);
        for (var start = 0; start < learners; start += LearnersPerTransaction)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var user = Command(connection, transaction,
                "INSERT INTO AspNetUsers (Id, DisplayName, UserName, NormalizedUserName, Email, NormalizedEmail, PasswordHash, SecurityStamp, ConcurrencyStamp, CreatedUtc, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) " +
                "VALUES ($id, $display, $name, $norm, $name, $norm, $hash, $stamp, $stamp, $created, 0, 0, 0, 1, 0)",
                "$id", "$display", "$name", "$norm", "$hash", "$stamp", "$created");
            await using var enrolment = Command(connection, transaction, "INSERT INTO Enrolments (UserId, CredentialId, FormId, ExamDate, WeeklyHours, StudyDays, StudyStartMinutes, EnrolledUtc) VALUES ($user, $credential, NULL, $exam, $hours, NULL, NULL, $enrolled)", "$user", "$credential", "$exam", "$hours", "$enrolled");
            await using var studySettings = Command(connection, transaction, "INSERT INTO StudySettings (UserId, DesiredRetention, ExamTarget, NewPerDay, ReviewsPerDay, EasyDays, TimeZone, DayStartMinutes, UpdatedUtc) VALUES ($user, 0.9, 0.9, 20, 200, 'NNNNNNN', $zone, 240, $updated)", "$user", "$zone", "$updated");
            await using var moduleRead = Command(connection, transaction, "INSERT INTO ModuleReads (UserId, ModuleId, ReadUtc) VALUES ($user, $module, $read)", "$user", "$module", "$read");
            await using var attempt = Command(connection, transaction,
                "INSERT INTO Attempts (UserId, Kind, CredentialId, FormId, FormLength, Title, Seed, StartedUtc, DeadlineUtc, TimeLimitMinutes, SubmittedUtc, AutoSubmitted, LastPosition, LastActivityUtc, ScoredItems, Correct, SettingsJson) " +
                "VALUES ($user, $kind, $credential, $form, $length, $title, $seed, $started, $deadline, $limit, $submitted, 0, $last, $submitted, $scored, $correct, $settings) RETURNING Id",
                "$user", "$kind", "$credential", "$form", "$length", "$title", "$seed", "$started", "$deadline", "$limit", "$submitted", "$last", "$scored", "$correct", "$settings");
            await using var item = Command(connection, transaction,
                "INSERT INTO AttemptItems (AttemptId, Position, QuestionId, QuestionVersionId, DomainId, IsPretest, Seed, Choices, IsCorrect, Revision, AnsweredUtc, TimeSpentMs, Flagged) " +
                "VALUES ($attempt, $position, $question, $version, $domain, 0, $seed, '0', $correct, 1, $answered, $ms, 0)",
                "$attempt", "$position", "$question", "$version", "$domain", "$seed", "$correct", "$answered", "$ms");
            await using var snapshot = Command(connection, transaction, "INSERT INTO MasterySnapshots (UserId, CredentialId, Day, MasteryJson) VALUES ($user, $credential, $day, $json)", "$user", "$credential", "$day", "$json");
            await using var reviewDay = Command(connection, transaction, "INSERT INTO ReviewDays (UserId, Day, PreparedUtc, DueCount, NewCardsAllowed, QueueJson, ForecastJson) VALUES ($user, $day, $prepared, $due, 1, '[]', $forecast)", "$user", "$day", "$prepared", "$due", "$forecast");
            await using var card = Command(connection, transaction,
                "INSERT INTO ReviewCards (UserId, Kind, ItemId, CredentialId, Topic, State, Stability, Difficulty, Step, Reps, Lapses, LastReviewUtc, LastReviewDay, ElapsedDays, ScheduledDays, DueUtc, DueDay, Seed, CreatedUtc) " +
                "VALUES ($user, 'Question', $item, $credential, $topic, 'Review', $s, $d, 0, $reps, $lapses, $last, $lastDay, $elapsed, $scheduled, $due, $dueDay, $seed, $created) RETURNING Id",
                "$user", "$item", "$credential", "$topic", "$s", "$d", "$reps", "$lapses", "$last", "$lastDay", "$elapsed", "$scheduled", "$due", "$dueDay", "$seed", "$created");
            await using var log = Command(connection, transaction,
                "INSERT INTO ReviewLogs (CardId, UserId, ReviewedUtc, Day, Grade, Source, WasNew, Correct, TimeMs, QuestionType, ScheduledDays, Stability, Difficulty, PreviousJson) " +
                "VALUES ($card, $user, $reviewed, $day, $grade, 'Practice', 0, $correct, $ms, 'SingleAnswer', $scheduled, $s, $d, '{}')",
                "$card", "$user", "$reviewed", "$day", "$grade", "$correct", "$ms", "$scheduled", "$s", "$d");
            for (var l = start; l < Math.Min(learners, start + LearnersPerTransaction); l++)
            {
                var id = $"learner-{l:D6}";
                var email = $"{id}@example.org";
                var credential = library[random.Next(library.Count)];
                Set(user, id, $"Learner {l}", email, email.ToUpperInvariant(), passwordHash, Guid.NewGuid().ToString("N"), created);
                await user.ExecuteNonQueryAsync();
                DateOnly? exam = random.NextDouble() < 0.8 ? utcToday.AddDays(14 + random.Next(167)) : null;
                Set(enrolment, id, credential.Id, exam is { } e ? e : DBNull.Value, 3 + random.Next(13), enrolled);
                await enrolment.ExecuteNonQueryAsync();

                var settings = new StudySettings { UserId = id };
                if (random.NextDouble() < 0.6)
                {
                    settings.TimeZone = zones[random.Next(zones.Length)];
                    Set(studySettings, id, settings.TimeZone, created);
                    await studySettings.ExecuteNonQueryAsync();
                }

                var learnerToday = LearnerSchedule.For(settings, new Dictionary<string, DateOnly>()).Calendar.DayOf(now);
                foreach (var module in credential.Modules.Take((int)Math.Round(credential.Modules.Count * random.NextDouble() * 0.6)))
                {
                    Set(moduleRead, id, module, now.UtcDateTime.AddDays(-1 - random.Next(29)));
                    await moduleRead.ExecuteNonQueryAsync();
                }

                var practised = new List<(LibraryQuestion Question, bool Right, DateTime Answered, int Ms)>();
                for (var p = 3 + random.Next(4); p > 0; p--)
                {
                    practised.AddRange(await AttemptAsync(attempt, item, random, credential, id, now.UtcDateTime.AddMinutes(-120 - random.Next(59 * 24 * 60)), 10 + random.Next(11), null));
                }

                if (random.Next(2) == 0)
                {
                    await AttemptAsync(attempt, item, random, credential, id, now.UtcDateTime.AddDays(-2 - random.Next(25)), 0, "Half");
                }

                var mastery = credential.Domains.ToDictionary(d => d, _ => Math.Round(0.3 + (random.NextDouble() * 0.6), 4), StringComparer.Ordinal);
                mastery[MasterySnapshotService.ExamKey] = Math.Round(mastery.Values.Average(), 4);
                Set(snapshot, id, credential.Id, utcToday, JsonSerializer.Serialize(mastery));
                await snapshot.ExecuteNonQueryAsync();

                var cards = practised.DistinctBy(a => a.Question.QuestionId).Take(MaxCards).ToList();
                var forecast = new ForecastView(learnerToday, [.. Enumerable.Range(0, 60).Select(i => new ForecastDay(learnerToday + i, random.Next(10)))], exam?.DayNumber,
                    exam is null ? null : credential.Id, exam is null ? null : 0.9, 40, 50, NewCardsAllowed: true, ConsolidationDays: 0);
                Set(reviewDay, id, learnerToday, now.UtcDateTime.AddHours(-1), forecast.Days[0].Reviews, forecast.Write());
                await reviewDay.ExecuteNonQueryAsync();
                foreach (var (question, right, answered, ms) in cards)
                {
                    var lastDay = Math.Min(learnerToday - 1, DateOnly.FromDateTime(answered).DayNumber);
                    var scheduled = Math.Max(1, 1 + random.Next(right ? 30 : 4));
                    var dueDay = lastDay + scheduled;
                    var stability = scheduled * (0.8 + (random.NextDouble() * 0.4));
                    var difficulty = 1 + (random.NextDouble() * 9);
                    Set(card, id, question.QuestionId, credential.Id, question.DomainId, stability, difficulty, 1 + random.Next(4), right ? 0 : 1,
                        answered, lastDay, 0, scheduled, DateTime.SpecifyKind(DateOnly.FromDayNumber(dueDay).ToDateTime(new TimeOnly(4, 0)), DateTimeKind.Utc), dueDay, random.NextInt64(), answered);
                    var cardId = (long)(await card.ExecuteScalarAsync())!;
                    Set(log, cardId, id, answered, lastDay, right ? 3 : 1, right, ms, scheduled, stability, difficulty);
                    await log.ExecuteNonQueryAsync();
                }
            }

            await transaction.CommitAsync();
        }
    }

    /// <summary>Inserts a submitted practice quiz (length null) or mock exam with its answered items; returns them.</summary>
    private static async Task<List<(LibraryQuestion Question, bool Right, DateTime Answered, int Ms)>> AttemptAsync(
        SqliteCommand attempt, SqliteCommand item, Random random, LibraryCredential credential, string user, DateTime started, int count, string? length)
    {
        var minutes = length is null ? 0 : credential.FormMinutes / 2;
        count = length is null ? count : credential.FormItems / 2;
        var answered = started;
        var items = new List<(LibraryQuestion Question, bool Right, DateTime Answered, int Ms)>(count);
        for (var i = 0; i < count; i++)
        {
            var ms = random.Next(20_000, 120_000);
            answered = answered.AddMilliseconds(ms);
            items.Add((credential.Questions[random.Next(credential.Questions.Count)], random.NextDouble() < 0.65, answered, ms));
        }

        Set(attempt, user, length is null ? 1 : 2, credential.Id, length is null ? DBNull.Value : credential.FormId, length ?? (object)DBNull.Value,
            length is null ? "Practice" : $"{length} mock exam", random.Next(), started, length is null ? DBNull.Value : started.AddMinutes(minutes),
            length is null ? DBNull.Value : minutes, answered, count, count, items.Count(i => i.Right), length is null ? "{}" : credential.HalfExamSettingsJson);
        var attemptId = (long)(await attempt.ExecuteScalarAsync())!;
        for (var position = 1; position <= count; position++)
        {
            var (question, right, at, ms) = items[position - 1];
            Set(item, attemptId, position, question.QuestionId, question.VersionId, question.DomainId, random.Next(), right, at, ms);
            await item.ExecuteNonQueryAsync();
        }

        return items;
    }
}

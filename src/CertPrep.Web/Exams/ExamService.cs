using CertPrep.Domain.Exams;
using CertPrep.Web.Attempts;
using CertPrep.Web.Data;
using CertPrep.Web.Jobs;
using CertPrep.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Exams;

/// <summary>
/// Mock exams: assembling a form, saving every answer as it is chosen, the server-side deadline, submitting and
/// scoring. Every method takes the learner's id and finds only that learner's attempts, so another learner's id
/// is simply "not found".
/// </summary>
public sealed class ExamService(CertPrepDbContext db, QuestionPool pool, QuestionBank bank, IBackgroundJobs jobs, Reviews.ReviewRecorder reviews, TimeProvider time)
{
    /// <summary>Answers arriving this long after the deadline are still taken: they were chosen in time but were in flight.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    /// <summary>Time between two requests longer than this is not credited to a question (the learner was away).</summary>
    public static readonly TimeSpan MaxCreditPerVisit = TimeSpan.FromMinutes(10);

    public async Task<StartResult> StartAsync(string userId, string credentialId, FormLength length, CancellationToken ct)
    {
        var enrolment = await db.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == userId && e.CredentialId == credentialId, ct);
        var credential = enrolment is null ? null : await pool.CredentialAsync(credentialId, ct);
        if (enrolment is null || credential is null)
        {
            return StartResult.Fail("Enrol in this credential first.");
        }

        var form = ExamForms.FormOf(credential, enrolment.FormId);
        var blueprint = ExamForms.Blueprint(credential, form);
        var questions = await pool.ForCredentialAsync(credentialId, ct);
        if (questions.Count == 0)
        {
            return StartResult.Fail("This credential has no questions yet.");
        }

        var seed = Random.Shared.Next();
        var assembled = FormAssembler.Assemble(blueprint, length, questions.Select(q => new CandidateItem(q.Id, q.DomainIds, q.ExamDifficulty)), seed);
        var versions = questions.ToDictionary(q => q.Id, q => q.VersionId, StringComparer.Ordinal);
        var seeds = ItemSeeds.Draw(seed, assembled.Items.Count);
        var now = time.GetUtcNow().UtcDateTime;
        var settings = new ExamSettings(
            form.Id,
            form.Name,
            length,
            [.. assembled.Domains.Select(d => new ExamDomainPlan(d.DomainId, credential.Domain(d.DomainId)?.Name ?? d.DomainId, d.Planned, d.Actual))],
            assembled.Plan.PretestItems,
            assembled.ActualPretestItems);
        var attempt = new Attempt
        {
            UserId = userId,
            Kind = AttemptKind.Exam,
            CredentialId = credentialId,
            FormId = form.Id,
            FormLength = length.ToString(),
            Title = $"{credential.Name}: {LengthName(length)} mock exam",
            Seed = seed,
            StartedUtc = now,
            TimeLimitMinutes = assembled.TimeLimitMinutes,
            DeadlineUtc = now.AddMinutes(assembled.TimeLimitMinutes),
            SettingsJson = LibraryJson.Write(settings),
            Items = [.. assembled.Items.Select((item, i) => new AttemptItem
            {
                Position = i + 1,
                QuestionId = item.ItemId,
                QuestionVersionId = versions[item.ItemId],
                DomainId = item.DomainId,
                IsPretest = item.IsPretest,
                Seed = seeds[i],
            })],
        };
        db.Attempts.Add(attempt);
        await db.SaveChangesAsync(ct);
        await jobs.ScheduleAsync<SubmitExpiredExamsJob>(attempt.DeadlineUtc.Value.Add(Grace + TimeSpan.FromSeconds(1)), new Dictionary<string, string> { ["attempt"] = attempt.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ct);
        return new StartResult(attempt.Id, null, assembled.IsComplete ? null : "The question pool is too small for the whole blueprint; the form has fewer questions than the real exam (see the report).");
    }

    /// <summary>Whether the learner has this exam, and whether it is submitted (null: no such exam of theirs).</summary>
    public async Task<bool?> IsSubmittedAsync(string userId, long attemptId, CancellationToken ct) =>
        (await db.Attempts.AsNoTracking().Where(a => a.Id == attemptId && a.UserId == userId && a.Kind == AttemptKind.Exam)
            .Select(a => new { Submitted = a.SubmittedUtc != null }).SingleOrDefaultAsync(ct))?.Submitted;

    /// <summary>Opens an exam at an item (0: where the learner was), or on the review grid (<paramref name="reviewing"/>): credits the time since the last request to the item shown then.</summary>
    public async Task<ExamSession?> OpenAsync(string userId, long attemptId, int position, CancellationToken ct, bool reviewing = false)
    {
        var attempt = await db.Attempts.SingleOrDefaultAsync(a => a.Id == attemptId && a.UserId == userId && a.Kind == AttemptKind.Exam, ct);
        if (attempt is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (attempt.SubmittedUtc is null && now > attempt.DeadlineUtc + Grace)
        {
            await SubmitAsync(userId, attemptId, automatic: true, ct);
            return new ExamSession(attempt, [], 0, TimeSpan.Zero, Expired: true);
        }

        var items = await db.AttemptItems.Where(i => i.AttemptId == attemptId).OrderBy(i => i.Position).ToListAsync(ct);
        position = Math.Clamp(position <= 0 ? attempt.LastPosition ?? 1 : position, 1, Math.Max(1, items.Count));
        if (attempt.SubmittedUtc is null)
        {
            CreditTime(attempt, items, now);
            attempt.LastPosition = reviewing ? null : position; // time on the review grid belongs to no question
            attempt.LastActivityUtc = now;
            await SaveIgnoringRacesAsync(ct);
        }

        return new ExamSession(attempt, items, position, Remaining(attempt, now), Expired: false);
    }

    /// <summary>
    /// Saves the answer to one item as soon as it is chosen. The same answer again changes nothing (a double
    /// submit counts once); a different answer replaces it (last write wins), and when the learner's page had an
    /// older revision the result says so, because another tab changed it in between.
    /// </summary>
    public async Task<SaveResult> SaveAsync(string userId, long attemptId, AnswerInput input, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        for (var round = 0; round < 3; round++)
        {
            // One compiled query: this is the hot path of an exam (every click saves).
            var item = await LoadSaveState(db, attemptId, userId, input.Position, ct);
            if (item is null)
            {
                return SaveResult.NotFound; // not this learner's exam, or no such question on it
            }

            if (item.SubmittedUtc is not null)
            {
                return SaveResult.Closed("This exam has been submitted; answers can no longer change.");
            }

            if (now > item.DeadlineUtc + Grace)
            {
                await SubmitAsync(userId, attemptId, automatic: true, ct);
                return SaveResult.Closed("Time is up: the exam was submitted with the answers saved before the deadline.");
            }

            string? choices = null, numeric = null;
            bool? correct = null;
            if (!input.Clear)
            {
                var question = await bank.GetAsync(db, item.QuestionVersionId, ct);
                string? error = "This question is no longer available.";
                var graded = question is null ? null : GradedAnswer.Grade(question, item.Seed, input.Choices, input.NumericText, out error);
                if (graded is null)
                {
                    return SaveResult.Invalid(error ?? "The answer could not be read.");
                }

                (choices, numeric, correct) = (graded.Choices, graded.NumericText, graded.IsCorrect);
            }

            var flagged = input.Flagged ?? item.Flagged;
            var conflict = input.KnownRevision is { } known && known != item.Revision;
            if (choices == item.Choices && numeric == item.NumericText && flagged == item.Flagged)
            {
                return SaveResult.Saved(item.Revision, changed: false, conflict ? ConflictMessage : null);
            }

            var credit = item.LastPosition == input.Position && item.LastActivityUtc is { } last ? Credit(now - last) : 0;
            var answerChanged = choices != item.Choices || numeric != item.NumericText;
            var revision = item.Revision;
            // Plain SQL (quoted identifiers and parameters work on SQLite and PostgreSQL alike): the hottest write of
            // the site, and one statement that also refuses to change a submitted exam.
            var answeredUtc = choices is null && numeric is null ? (DateTime?)null : now;
            var rows = answerChanged
                ? await db.Database.ExecuteSqlAsync(
                    $"""
                    UPDATE "AttemptItems" SET "Choices" = {choices}, "NumericText" = {numeric}, "IsCorrect" = {correct}, "AnsweredUtc" = {answeredUtc},
                        "Flagged" = {flagged}, "TimeSpentMs" = "TimeSpentMs" + {credit}, "Revision" = "Revision" + 1
                    WHERE "AttemptId" = {attemptId} AND "Position" = {input.Position} AND "Revision" = {revision}
                        AND EXISTS (SELECT 1 FROM "Attempts" WHERE "Id" = {attemptId} AND "SubmittedUtc" IS NULL)
                    """,
                    ct)
                : await db.Database.ExecuteSqlAsync(
                    $"""
                    UPDATE "AttemptItems" SET "Flagged" = {flagged}, "TimeSpentMs" = "TimeSpentMs" + {credit}, "Revision" = "Revision" + 1
                    WHERE "AttemptId" = {attemptId} AND "Position" = {input.Position} AND "Revision" = {revision}
                        AND EXISTS (SELECT 1 FROM "Attempts" WHERE "Id" = {attemptId} AND "SubmittedUtc" IS NULL)
                    """,
                    ct);
            if (rows == 1)
            {
                if (credit > 0)
                {
                    await db.Attempts.Where(a => a.Id == attemptId).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastActivityUtc, now), ct);
                }

                return SaveResult.Saved(revision + 1, changed: true, conflict ? ConflictMessage : null);
            }

            if (await db.Attempts.AnyAsync(a => a.Id == attemptId && a.SubmittedUtc != null, ct))
            {
                return SaveResult.Closed("This exam has been submitted; answers can no longer change.");
            }

            // Another request changed the item between our read and write: read it again; the later write wins.
            input = input with { KnownRevision = input.KnownRevision ?? revision };
        }

        return SaveResult.Invalid("The answer could not be saved because it kept changing in another window. Try again.");
    }

    // A compiled query belongs to one database provider; tests run SQLite and PostgreSQL in one process.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Func<CertPrepDbContext, long, string, int, CancellationToken, Task<SaveState?>>> SaveStateQueries = new(StringComparer.Ordinal);

    private static Task<SaveState?> LoadSaveState(CertPrepDbContext db, long attemptId, string userId, int position, CancellationToken ct) =>
        SaveStateQueries.GetOrAdd(db.Database.ProviderName ?? "", _ => CompileSaveStateQuery())(db, attemptId, userId, position, ct);

    private static Func<CertPrepDbContext, long, string, int, CancellationToken, Task<SaveState?>> CompileSaveStateQuery() =>
        EF.CompileAsyncQuery((CertPrepDbContext db, long attemptId, string userId, int position, CancellationToken ct) =>
            db.AttemptItems
                .Where(i => i.AttemptId == attemptId && i.Position == position)
                .Join(
                    db.Attempts.Where(a => a.Id == attemptId && a.UserId == userId && a.Kind == AttemptKind.Exam),
                    i => i.AttemptId,
                    a => a.Id,
                    (i, a) => new SaveState(a.SubmittedUtc, a.DeadlineUtc, a.LastPosition, a.LastActivityUtc, i.QuestionVersionId, i.Seed, i.Choices, i.NumericText, i.Revision, i.Flagged))
                .SingleOrDefault());

    public const string ConflictMessage = "This question was also changed in another tab or window. Your latest choice is the one saved.";

    /// <summary>Submits the exam once: later calls (a double click, a second tab, the deadline job) change nothing.</summary>
    public async Task<bool> SubmitAsync(string userId, long attemptId, bool automatic, CancellationToken ct)
    {
        // Submitting, scoring and updating the learner's cards happen in one transaction, so a crash in between leaves
        // the exam open and the next submit (or the deadline job) does all of it; the execution strategy retries the
        // whole unit on a transient PostgreSQL failure.
        var strategy = db.Database.CreateExecutionStrategy();
        var submitted = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await SubmitInTransactionAsync(userId, attemptId, automatic, ct);
            await transaction.CommitAsync(ct);
            return result;
        });
        if (submitted == true)
        {
            // The study plan reacts to the result (a weak domain's practice moves earlier), in the background; if this
            // is lost in a crash, the nightly re-plan still sees the exam.
            await jobs.EnqueueAsync<Planning.ReplanAfterMockJob>(new Dictionary<string, string> { ["userId"] = userId, ["attemptId"] = attemptId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ct);
        }

        return submitted is not null;
    }

    /// <summary>True when this call submitted the exam, false when it was submitted before, null when there is no such exam.</summary>
    private async Task<bool?> SubmitInTransactionAsync(string userId, long attemptId, bool automatic, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.Attempts
            .Where(a => a.Id == attemptId && a.UserId == userId && a.Kind == AttemptKind.Exam && a.SubmittedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmittedUtc, a => automatic && a.DeadlineUtc < now ? a.DeadlineUtc : now).SetProperty(a => a.AutoSubmitted, automatic), ct);
        if (rows == 0)
        {
            return await db.Attempts.AnyAsync(a => a.Id == attemptId && a.UserId == userId && a.Kind == AttemptKind.Exam, ct) ? false : null;
        }

        // From here no save can change an item (saves require SubmittedUtc to be null in the same statement).
        var items = await db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == attemptId).ToListAsync(ct);
        var scored = items.Where(i => !i.IsPretest).ToList();
        var correct = scored.Count(i => i.IsCorrect == true);
        await db.Attempts.Where(a => a.Id == attemptId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ScoredItems, scored.Count).SetProperty(a => a.Correct, correct), ct);
        var credentialId = await db.Attempts.Where(a => a.Id == attemptId).Select(a => a.CredentialId).SingleAsync(ct);
        var answered = items.Where(i => i.IsCorrect is not null).ToList();
        var questions = await bank.GetAsync(db, answered.Select(i => i.QuestionVersionId), ct);
        await reviews.RecordAsync(
            userId,
            [.. answered.Select(i => new Reviews.AnsweredQuestion(i.QuestionId, credentialId, questions[i.QuestionVersionId].Topic, questions[i.QuestionVersionId].Type, i.IsCorrect == true, i.Confidence, i.TimeSpentMs > 0 ? i.TimeSpentMs : null, Item: Adaptive.AbilityRecorder.Prior(questions[i.QuestionVersionId]), QuestionVersionId: i.QuestionVersionId))],
            Reviews.ReviewSource.Exam,
            ct);
        return true;
    }

    /// <summary>Submits every exam whose time ran out (the background job's work). Returns how many.</summary>
    public async Task<int> SubmitExpiredAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - Grace;
        var expired = await db.Attempts.AsNoTracking()
            .Where(a => a.Kind == AttemptKind.Exam && a.SubmittedUtc == null && a.DeadlineUtc < cutoff)
            .Select(a => new { a.Id, a.UserId })
            .ToListAsync(ct);
        var submitted = 0;
        foreach (var attempt in expired)
        {
            if (await SubmitAsync(attempt.UserId, attempt.Id, automatic: true, ct))
            {
                submitted++;
            }
        }

        return submitted;
    }

    public async Task<bool> SetFlagAsync(string userId, long attemptId, int position, bool flagged, CancellationToken ct) =>
        await db.AttemptItems
            .Where(i => i.AttemptId == attemptId && i.Position == position
                && db.Attempts.Any(a => a.Id == attemptId && a.UserId == userId && a.Kind == AttemptKind.Exam && a.SubmittedUtc == null))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Flagged, flagged), ct) == 1;

    public static string LengthName(FormLength length) => length switch
    {
        FormLength.Full => "full",
        FormLength.Half => "half-length",
        _ => "quarter-length",
    };

    public static TimeSpan Remaining(Attempt attempt, DateTime now) =>
        attempt.DeadlineUtc is { } deadline && deadline > now ? deadline - now : TimeSpan.Zero;

    private static int Credit(TimeSpan elapsed) => (int)Math.Clamp(elapsed.TotalMilliseconds, 0, MaxCreditPerVisit.TotalMilliseconds);

    private static void CreditTime(Attempt attempt, List<AttemptItem> items, DateTime now)
    {
        if (attempt.LastPosition is { } last && attempt.LastActivityUtc is { } since && items.FirstOrDefault(i => i.Position == last) is { } item)
        {
            item.TimeSpentMs += Credit(now - since);
        }
    }

    /// <summary>Time bookkeeping loses to a concurrent answer save: keep the answer, drop the credit.</summary>
    private async Task SaveIgnoringRacesAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
        }
    }
}

public sealed record StartResult(long? AttemptId, string? Error, string? Warning)
{
    public static StartResult Fail(string error) => new(null, error, null);
}

/// <summary>An answer sent for one item: displayed option indexes or a typed number, or a request to clear it.</summary>
public sealed record AnswerInput(int Position, IReadOnlyCollection<int> Choices, string? NumericText, int? KnownRevision, bool Clear = false, bool? Flagged = null);

public enum SaveStatus
{
    Saved,
    Invalid,
    Closed,
    NotFound,
}

public sealed record SaveResult(SaveStatus Status, int Revision, bool Changed, string? Message)
{
    public static SaveResult NotFound { get; } = new(SaveStatus.NotFound, 0, false, null);

    public static SaveResult Saved(int revision, bool changed, string? message) => new(SaveStatus.Saved, revision, changed, message);

    public static SaveResult Invalid(string message) => new(SaveStatus.Invalid, 0, false, message);

    public static SaveResult Closed(string message) => new(SaveStatus.Closed, 0, false, message);
}

/// <summary>An exam opened at one item. <see cref="Expired"/>: time ran out and it has just been submitted.</summary>
public sealed record ExamSession(Attempt Attempt, IReadOnlyList<AttemptItem> Items, int Position, TimeSpan Remaining, bool Expired);

/// <summary>What a save needs to know about the attempt and the item, read in one query.</summary>
internal sealed record SaveState(
    DateTime? SubmittedUtc,
    DateTime? DeadlineUtc,
    int? LastPosition,
    DateTime? LastActivityUtc,
    long QuestionVersionId,
    int Seed,
    string? Choices,
    string? NumericText,
    int Revision,
    bool Flagged);

/// <summary>How an exam was built, kept with the attempt for the report.</summary>
public sealed record ExamSettings(
    string FormId,
    string FormName,
    FormLength Length,
    IReadOnlyList<ExamDomainPlan> Domains,
    int PretestPlanned,
    int PretestActual);

public sealed record ExamDomainPlan(string DomainId, string Name, int Planned, int Actual);

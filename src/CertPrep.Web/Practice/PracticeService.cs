using CertPrep.Domain.Practice;
using CertPrep.Web.Attempts;
using CertPrep.Web.Data;
using CertPrep.Web.Exams;
using CertPrep.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Practice;

/// <summary>
/// Tutor-mode practice: building quizzes, answering with immediate feedback (once per item), confidence and miss
/// reasons, the learner's flags and notes, and problem reports. Only the learner's own attempts are ever found.
/// </summary>
public sealed class PracticeService(CertPrepDbContext db, QuestionPool pool, QuestionBank bank, Reviews.ReviewRecorder reviews, Adaptive.AdaptiveService adaptive, TimeProvider time)
{
    public const int QuickCount = 10;

    public async Task<CreateResult> BuildAsync(string userId, string credentialId, QuizOptions options, CancellationToken ct)
    {
        var credential = await EnrolledCredentialAsync(userId, credentialId, ct);
        if (credential is null)
        {
            return CreateResult.Fail("Enrol in this credential first.");
        }

        var known = credential.Domains.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var domains = options.DomainIds.Where(known.Contains).Distinct(StringComparer.Ordinal).ToList();
        var questions = await pool.ForCredentialAsync(credentialId, ct);
        var history = await HistoryAsync(userId, ct);
        var flagged = await db.QuestionMarks.AsNoTracking().Where(m => m.UserId == userId && m.Flagged).Select(m => m.QuestionId).ToListAsync(ct);
        var flaggedSet = flagged.ToHashSet(StringComparer.Ordinal);
        var weights = credential.Domains.ToDictionary(d => d.Id, d => Math.Max(0.001, d.Weight.Fraction(credential.DefaultForm.ScoredItems.Value)), StringComparer.Ordinal);
        var request = new QuizRequest(
            domains,
            Math.Clamp(options.Count, 1, QuizOptions.MaxCount),
            options.Filters & (QuizFilters.Unseen | QuizFilters.PreviouslyIncorrect | QuizFilters.Flagged), // ignore unknown bits from a crafted form
            options.Difficulties.Count == 0 ? null : options.Difficulties.ToHashSet(),
            options.IncludeRecentlySeen,
            weights);
        var seed = Random.Shared.Next();
        var plan = QuizPlanner.Plan(
            request,
            questions.Select(q => new QuizCandidate(q.Id, q.DomainIds, q.ExamDifficulty, history.GetValueOrDefault(q.Id) ?? QuestionHistory.None, flaggedSet.Contains(q.Id))),
            time.GetUtcNow().UtcDateTime,
            seed);
        if (plan.QuestionIds.Count == 0)
        {
            return CreateResult.Fail("No questions match these choices. Widen the domains or filters.");
        }

        var byId = questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var title = options.Title ?? (domains.Count == 1 ? $"Practice: {credential.Domain(domains[0])?.Name}" : $"Practice: {credential.Name}");
        var id = await CreateAsync(userId, credentialId, title, seed, [.. plan.QuestionIds.Select(q => byId[q])], domains, LibraryJson.Write(new { request.DomainIds, request.Count, Filters = request.Filters.ToString(), Difficulties = options.Difficulties, request.IncludeRecentlySeen, plan.Eligible, plan.RecentlySeenUsed }), ct);
        var warning = plan.IsShort
            ? $"Only {plan.QuestionIds.Count} of the {plan.Requested} questions asked for match these choices."
            : plan.RecentlySeenUsed > 0 ? $"{plan.RecentlySeenUsed} recently seen questions were included because there were not enough new ones." : null;
        return new CreateResult(id, null, warning);
    }

    /// <summary>A quiz of the given questions in the given order ("redo the ones I missed").</summary>
    public async Task<CreateResult> FromQuestionsAsync(string userId, string credentialId, IReadOnlyList<string> questionIds, string title, CancellationToken ct)
    {
        var questions = (await pool.ForCredentialAsync(credentialId, ct)).ToDictionary(q => q.Id, StringComparer.Ordinal);
        var chosen = questionIds.Distinct(StringComparer.Ordinal).Where(questions.ContainsKey).Take(QuizOptions.MaxCount).Select(q => questions[q]).ToList();
        if (chosen.Count == 0)
        {
            return CreateResult.Fail("There is nothing to redo: every question was answered correctly (or has been retired).");
        }

        var id = await CreateAsync(userId, credentialId, title, Random.Shared.Next(), chosen, [], LibraryJson.Write(new { Redo = chosen.Count }), ct);
        return new CreateResult(id, null, null);
    }

    public async Task<PracticeSession?> OpenAsync(string userId, long attemptId, int? position, CancellationToken ct)
    {
        var attempt = await db.Attempts.SingleOrDefaultAsync(a => a.Id == attemptId && a.UserId == userId && a.Kind == AttemptKind.Practice, ct);
        if (attempt is null)
        {
            return null;
        }

        var items = await db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == attemptId).OrderBy(i => i.Position).ToListAsync(ct);
        var current = position is { } p && p >= 1 && p <= items.Count ? p : (items.FirstOrDefault(i => !i.IsAnswered)?.Position ?? items.Count);
        if (attempt.SubmittedUtc is null && attempt.LastPosition != current)
        {
            attempt.LastPosition = current;
            attempt.LastActivityUtc = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }

        var mark = await db.QuestionMarks.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == userId && m.QuestionId == items[current - 1].QuestionId, ct);
        return new PracticeSession(attempt, items, current, mark);
    }

    /// <summary>
    /// Records the answer to one item, once: the first answer stands (tutor mode shows the key right after it), so
    /// a repeated submit changes nothing and is reported as already answered.
    /// </summary>
    public async Task<SaveResult> AnswerAsync(string userId, long attemptId, AnswerInput input, Confidence? confidence, CancellationToken ct)
    {
        var attempt = await db.Attempts.AsNoTracking()
            .Where(a => a.Id == attemptId && a.UserId == userId && a.Kind == AttemptKind.Practice)
            .Select(a => new { a.LastPosition, a.LastActivityUtc, a.CredentialId })
            .SingleOrDefaultAsync(ct);
        var item = attempt is null ? null : await db.AttemptItems.AsNoTracking()
            .Where(i => i.AttemptId == attemptId && i.Position == input.Position)
            .Select(i => new { i.QuestionVersionId, i.Seed, i.Revision, i.TimeSpentMs })
            .SingleOrDefaultAsync(ct);
        if (attempt is null || item is null)
        {
            return SaveResult.NotFound;
        }

        var question = await bank.GetAsync(db, item.QuestionVersionId, ct);
        string? error = "This question is no longer available.";
        var graded = question is null ? null : GradedAnswer.Grade(question, item.Seed, input.Choices, input.NumericText, out error);
        if (graded is null)
        {
            return SaveResult.Invalid(error ?? "The answer could not be read.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var credit = attempt.LastPosition == input.Position && attempt.LastActivityUtc is { } last
            ? (int)Math.Clamp((now - last).TotalMilliseconds, 0, ExamService.MaxCreditPerVisit.TotalMilliseconds)
            : 0;
        // The answer and the card it updates are saved together (retried as a unit on a transient failure), so the
        // first answer always reaches the card and a repeated submit counts once.
        var strategy = db.Database.CreateExecutionStrategy();
        var rows = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var updated = await db.AttemptItems
                .Where(i => i.AttemptId == attemptId && i.Position == input.Position && i.Choices == null && i.NumericText == null)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(i => i.Choices, graded.Choices)
                        .SetProperty(i => i.NumericText, graded.NumericText)
                        .SetProperty(i => i.IsCorrect, graded.IsCorrect)
                        .SetProperty(i => i.Confidence, confidence)
                        .SetProperty(i => i.AnsweredUtc, now)
                        .SetProperty(i => i.TimeSpentMs, i => i.TimeSpentMs + credit)
                        .SetProperty(i => i.Revision, i => i.Revision + 1),
                    ct);
            if (updated == 1)
            {
                await reviews.RecordAsync(
                    userId,
                    [new Reviews.AnsweredQuestion(question!.QuestionId, attempt.CredentialId, question.Topic, question.Type, graded.IsCorrect, confidence, item.TimeSpentMs + credit, Item: Adaptive.AbilityRecorder.Prior(question), QuestionVersionId: item.QuestionVersionId)],
                    Reviews.ReviewSource.Practice,
                    ct);
            }

            await transaction.CommitAsync(ct);
            return updated;
        });
        if (rows != 1)
        {
            return SaveResult.Saved(item.Revision, changed: false, "You had already answered this question; your first answer stands.");
        }

        // An adaptive session chooses its next item now, from the abilities this answer has just moved.
        await adaptive.AppendNextAsync(attemptId, ct);
        return SaveResult.Saved(item.Revision + 1, changed: true, null);
    }

    public async Task<bool> SetMissReasonAsync(string userId, long attemptId, int position, MissReason reason, CancellationToken ct) =>
        await OwnedItem(userId, attemptId, position)
            .Where(i => i.IsCorrect == false)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.MissReason, reason), ct) == 1;

    /// <summary>Sets the learner's own flag and note on the question of an item (notes are private to the learner).</summary>
    public async Task<bool> SetMarkAsync(string userId, long attemptId, int position, bool? flagged, string? note, CancellationToken ct)
    {
        var questionId = await OwnedItem(userId, attemptId, position).Select(i => i.QuestionId).SingleOrDefaultAsync(ct);
        if (questionId is null)
        {
            return false;
        }

        var mark = await db.QuestionMarks.SingleOrDefaultAsync(m => m.UserId == userId && m.QuestionId == questionId, ct);
        if (mark is null)
        {
            mark = new QuestionMark { UserId = userId, QuestionId = questionId };
            db.QuestionMarks.Add(mark);
        }

        mark.Flagged = flagged ?? mark.Flagged;
        if (note is not null)
        {
            mark.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        }

        mark.UpdatedUtc = time.GetUtcNow().UtcDateTime;
        if (!mark.Flagged && mark.Note is null)
        {
            db.QuestionMarks.Remove(mark);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<QuestionMark>().Any(e => e.State == EntityState.Added))
        {
            // The same learner set a mark in another tab at the same moment: theirs was first, apply ours over it.
            db.ChangeTracker.Clear();
            return await SetMarkAsync(userId, attemptId, position, flagged, note, ct);
        }

        return true;
    }

    /// <summary>Files a problem report against the exact question version the learner saw.</summary>
    public async Task<bool> ReportProblemAsync(string userId, long attemptId, int position, string text, CancellationToken ct)
    {
        var item = await OwnedItem(userId, attemptId, position).Select(i => new { i.QuestionId, i.QuestionVersionId }).SingleOrDefaultAsync(ct);
        if (item is null || string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        db.ProblemReports.Add(new ProblemReport
        {
            UserId = userId,
            QuestionId = item.QuestionId,
            QuestionVersionId = item.QuestionVersionId,
            Text = text.Trim() is { Length: > ProblemReportLimits.MaxText } long_ ? long_[..ProblemReportLimits.MaxText] : text.Trim(),
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> FinishAsync(string userId, long attemptId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var attempt = await db.Attempts.SingleOrDefaultAsync(a => a.Id == attemptId && a.UserId == userId && a.Kind == AttemptKind.Practice, ct);
        if (attempt is null)
        {
            return false;
        }

        if (attempt.SubmittedUtc is null)
        {
            var items = await db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == attemptId).Select(i => i.IsCorrect).ToListAsync(ct);
            attempt.SubmittedUtc = now;
            attempt.ScoredItems = items.Count(c => c is not null);
            attempt.Correct = items.Count(c => c == true);
            await db.SaveChangesAsync(ct);
        }

        return true;
    }

    public async Task<IReadOnlyList<Attempt>> RecentAsync(string userId, int count, CancellationToken ct) =>
        await db.Attempts.AsNoTracking().Where(a => a.UserId == userId && a.Kind == AttemptKind.Practice)
            .OrderByDescending(a => a.StartedUtc).ThenByDescending(a => a.Id).Take(count).ToListAsync(ct);

    private IQueryable<AttemptItem> OwnedItem(string userId, long attemptId, int position) =>
        db.AttemptItems.Where(i => i.AttemptId == attemptId && i.Position == position
            && db.Attempts.Any(a => a.Id == attemptId && a.UserId == userId && (a.Kind == AttemptKind.Practice || a.SubmittedUtc != null)));

    private async Task<CertPrep.Content.Model.Credential?> EnrolledCredentialAsync(string userId, string credentialId, CancellationToken ct) =>
        await db.Enrolments.AnyAsync(e => e.UserId == userId && e.CredentialId == credentialId, ct) ? await pool.CredentialAsync(credentialId, ct) : null;

    private async Task<long> CreateAsync(string userId, string credentialId, string title, int seed, IReadOnlyList<PoolQuestion> questions, IReadOnlyList<string> domains, string settingsJson, CancellationToken ct)
    {
        var seeds = ItemSeeds.Draw(seed, questions.Count);
        var attempt = new Attempt
        {
            UserId = userId,
            Kind = AttemptKind.Practice,
            CredentialId = credentialId,
            Title = title.Length > 300 ? title[..300] : title,
            Seed = seed,
            StartedUtc = time.GetUtcNow().UtcDateTime,
            SettingsJson = settingsJson,
            Items = [.. questions.Select((q, i) => new AttemptItem
            {
                Position = i + 1,
                QuestionId = q.Id,
                QuestionVersionId = q.VersionId,
                DomainId = domains.FirstOrDefault(q.DomainIds.Contains) ?? q.DomainIds[0],
                Seed = seeds[i],
            })],
        };
        db.Attempts.Add(attempt);
        await db.SaveChangesAsync(ct);
        return attempt.Id;
    }

    /// <summary>
    /// What the learner has answered before, per question. Answers in an exam still in progress are left out: their
    /// grades must not be revealed, not even through a "previously incorrect" filter.
    /// </summary>
    private async Task<Dictionary<string, QuestionHistory>> HistoryAsync(string userId, CancellationToken ct)
    {
        // From the learner's attempts to their items (a join), not a filter on every item: SQLite runs a correlated
        // EXISTS as a scan of all learners' answers.
        var answers = await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == userId && (a.Kind == AttemptKind.Practice || a.SubmittedUtc != null))
            .SelectMany(a => a.Items).Where(i => i.AnsweredUtc != null)
            .Select(i => new { i.QuestionId, i.AnsweredUtc, i.IsCorrect })
            .ToListAsync(ct);
        return answers.GroupBy(a => a.QuestionId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g =>
            {
                var last = g.MaxBy(a => a.AnsweredUtc)!;
                return new QuestionHistory(g.Count(), last.AnsweredUtc, last.IsCorrect, g.Any(a => a.IsCorrect == false));
            },
            StringComparer.Ordinal);
    }
}

public static class ProblemReportLimits
{
    public const int MaxText = 2000;
}

/// <summary>What the learner asked for in the quiz builder.</summary>
public sealed record QuizOptions(
    IReadOnlyList<string> DomainIds,
    int Count,
    QuizFilters Filters,
    IReadOnlyList<CertPrep.Domain.Exams.Difficulty> Difficulties,
    bool IncludeRecentlySeen,
    string? Title = null)
{
    public const int MaxCount = 100;
}

public sealed record CreateResult(long? AttemptId, string? Error, string? Warning)
{
    public static CreateResult Fail(string error) => new(null, error, null);
}

/// <summary>A practice quiz opened at one item.</summary>
public sealed record PracticeSession(Attempt Attempt, IReadOnlyList<AttemptItem> Items, int Position, QuestionMark? Mark)
{
    public AttemptItem Current => Items[Position - 1];
}

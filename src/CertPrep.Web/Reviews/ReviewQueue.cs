using CertPrep.Domain.Practice;
using CertPrep.Domain.Scheduling;
using CertPrep.Web.Attempts;
using CertPrep.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Reviews;

/// <summary>Where the learner stands today.</summary>
/// <param name="Done">Reviews done today in review sessions.</param>
/// <param name="DueNow">Cards due now (within today's review limit).</param>
/// <param name="NewAvailable">New cards that may still be started today.</param>
/// <param name="NewCardsStopped">True when the exam is too close for new material.</param>
/// <param name="LaterToday">When the next (re)learning step falls due, if nothing is due now.</param>
public sealed record ReviewStatus(int Done, int DueNow, int NewAvailable, bool NewCardsStopped, DateTime? LaterToday)
{
    public int Remaining => DueNow + NewAvailable;
}

/// <summary>
/// The Review page's engine: the next card in priority order within the learner's daily limits, answering a question
/// card (new option order and numbers each time), and undoing the last answer. Only the learner's own cards are ever
/// found.
/// </summary>
public sealed class ReviewQueue(CertPrepDbContext db, QuestionBank bank, ReviewRecorder recorder, TimeProvider time)
{
    public async Task<ReviewStatus> StatusAsync(string userId, CancellationToken ct)
    {
        var (schedule, today, now) = await TodayAsync(userId, ct);
        var (due, newAvailable, stopped) = await CandidatesAsync(userId, schedule, today, now, ct);
        var done = await db.ReviewLogs.CountAsync(l => l.UserId == userId && l.Day == today && l.Source == ReviewSource.Review, ct);
        DateTime? later = due.Count == 0
            ? await db.ReviewCards.Where(c => c.UserId == userId && (c.State == CardState.Learning || c.State == CardState.Relearning) && c.DueDay <= today)
                .OrderBy(c => c.DueUtc).Select(c => (DateTime?)c.DueUtc).FirstOrDefaultAsync(ct)
            : null;
        return new ReviewStatus(done, due.Count, newAvailable.Count, stopped, later);
    }

    /// <summary>The number for the navigation: cards due now.</summary>
    public async Task<int> DueCountAsync(string userId, CancellationToken ct)
    {
        var (schedule, today, now) = await TodayAsync(userId, ct);
        var nowUtc = now.UtcDateTime;
        var due = await db.ReviewCards.CountAsync(
            c => c.UserId == userId && (c.State == CardState.Review ? c.DueDay <= today : (c.State != CardState.New && c.DueUtc <= nowUtc)), ct);
        var limit = Math.Max(0, schedule.Settings.ReviewsPerDay - await db.ReviewLogs.CountAsync(l => l.UserId == userId && l.Day == today && l.Source == ReviewSource.Review && !l.WasNew, ct));
        return Math.Min(due, limit);
    }

    /// <summary>The card to show next, or null when the learner is done for now.</summary>
    public async Task<ReviewCard?> NextAsync(string userId, CancellationToken ct)
    {
        var (schedule, today, now) = await TodayAsync(userId, ct);
        var (due, newAvailable, _) = await CandidatesAsync(userId, schedule, today, now, ct);
        return due.FirstOrDefault() ?? newAvailable.FirstOrDefault();
    }

    public Task<ReviewCard?> CardAsync(string userId, long cardId, CancellationToken ct) =>
        db.ReviewCards.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cardId && c.UserId == userId, ct);

    /// <summary>The question version a question card is shown with now (null when the question was retired).</summary>
    public async Task<PreparedQuestion?> QuestionAsync(ReviewCard card, CancellationToken ct)
    {
        var versionId = await db.Questions.AsNoTracking()
            .Where(q => q.Id == card.ItemId && !q.IsRetired)
            .SelectMany(q => q.Versions.Where(v => v.Number == q.CurrentVersion).Select(v => (long?)v.Id))
            .SingleOrDefaultAsync(ct);
        return versionId is { } id ? await bank.GetAsync(db, id, ct) : null;
    }

    /// <summary>
    /// Grades and records an answer to a question card. <paramref name="reps"/> is the review count the page was shown
    /// at: a second submit of the same page finds the card moved on and returns that earlier review instead (counted once).
    /// </summary>
    public async Task<AnswerResult> AnswerAsync(string userId, long cardId, int reps, IReadOnlyCollection<int> choices, string? numeric, Confidence? confidence, DateTime? shownUtc, CancellationToken ct)
    {
        var card = await CardAsync(userId, cardId, ct);
        if (card is null || card.Kind != CardKind.Question)
        {
            return AnswerResult.NotFound;
        }

        if (card.Reps != reps)
        {
            var earlier = await db.ReviewLogs.Where(l => l.CardId == cardId && l.UserId == userId).OrderByDescending(l => l.Id).Select(l => (long?)l.Id).FirstOrDefaultAsync(ct);
            return earlier is { } id ? AnswerResult.Already(id) : AnswerResult.NotFound;
        }

        var question = await QuestionAsync(card, ct);
        if (question is null)
        {
            return AnswerResult.Invalid("This question has been retired.");
        }

        var seed = card.ItemSeed();
        var graded = GradedAnswer.Grade(question, seed, choices, numeric, out var error);
        if (graded is null)
        {
            return AnswerResult.Invalid(error ?? "The answer could not be read.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        int? spent = shownUtc is { } shown && shown <= now ? (int)Math.Min((now - shown).TotalMilliseconds, TimeSpan.FromMinutes(10).TotalMilliseconds) : null;
        try
        {
            var ids = await recorder.RecordAsync(
                userId,
                [new AnsweredQuestion(card.ItemId, card.CredentialId, question.Topic, question.Type, graded.IsCorrect, confidence, spent, new ShownAnswer(question.VersionId, seed, graded.Choices, graded.NumericText), Adaptive.AbilityRecorder.Prior(question), question.VersionId)],
                ReviewSource.Review,
                ct);
            return AnswerResult.Saved(ids[0]);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same page submitted twice at once: the other request's review stands.
            db.ChangeTracker.Clear();
            var earlier = await db.ReviewLogs.Where(l => l.CardId == cardId && l.UserId == userId).OrderByDescending(l => l.Id).Select(l => l.Id).FirstAsync(ct);
            return AnswerResult.Already(earlier);
        }
    }

    /// <summary>Grades a flashcard; a second submit of the same page returns the first review.</summary>
    public async Task<AnswerResult> GradeAsync(string userId, long cardId, int reps, Grade grade, CancellationToken ct)
    {
        var card = await CardAsync(userId, cardId, ct);
        if (card is null || card.Kind == CardKind.Question)
        {
            return AnswerResult.NotFound;
        }

        try
        {
            var log = await recorder.GradeAsync(userId, cardId, reps, grade, ct);
            if (log is not null)
            {
                return AnswerResult.Saved(log.Id);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
        }

        var earlier = await db.ReviewLogs.Where(l => l.CardId == cardId && l.UserId == userId).OrderByDescending(l => l.Id).Select(l => (long?)l.Id).FirstOrDefaultAsync(ct);
        return earlier is { } id ? AnswerResult.Already(id) : AnswerResult.NotFound;
    }

    /// <summary>Undoes the learner's last review-session answer of today: the card gets its earlier state back.</summary>
    public async Task<long?> UndoAsync(string userId, CancellationToken ct)
    {
        var (_, today, _) = await TodayAsync(userId, ct);
        var log = await db.ReviewLogs.Where(l => l.UserId == userId && l.Source == ReviewSource.Review && l.Day == today).OrderByDescending(l => l.Id).FirstOrDefaultAsync(ct);
        if (log is null)
        {
            return null;
        }

        var card = await db.ReviewCards.SingleAsync(c => c.Id == log.CardId, ct);
        card.Restore(log.PreviousJson);
        db.ReviewLogs.Remove(log);
        await db.SaveChangesAsync(ct);
        return card.Id;
    }

    public Task<ReviewLog?> LogAsync(string userId, long logId, CancellationToken ct) =>
        db.ReviewLogs.AsNoTracking().Include(l => l.Card).SingleOrDefaultAsync(l => l.Id == logId && l.UserId == userId, ct);

    private async Task<(LearnerSchedule Schedule, int Today, DateTimeOffset Now)> TodayAsync(string userId, CancellationToken ct)
    {
        var schedule = await LearnerSchedule.LoadAsync(db, userId, ct);
        var now = time.GetUtcNow();
        return (schedule, schedule.Calendar.DayOf(now), now);
    }

    private async Task<(IReadOnlyList<ReviewCard> Due, IReadOnlyList<ReviewCard> New, bool Stopped)> CandidatesAsync(string userId, LearnerSchedule schedule, int today, DateTimeOffset now, CancellationToken ct)
    {
        var nowUtc = now.UtcDateTime;
        var due = await db.ReviewCards.AsNoTracking()
            .Where(c => c.UserId == userId && c.State != CardState.New && (c.State == CardState.Review ? c.DueDay <= today : c.DueUtc <= nowUtc))
            .ToListAsync(ct);
        var todayLogs = await db.ReviewLogs.AsNoTracking()
            .Where(l => l.UserId == userId && l.Day == today && l.Source == ReviewSource.Review)
            .Select(l => new { l.WasNew, l.Card!.Topic }).ToListAsync(ct);
        var topics = todayLogs.Select(l => l.Topic).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var reviewsLeft = Math.Max(0, schedule.Settings.ReviewsPerDay - todayLogs.Count(l => !l.WasNew));
        var byId = due.ToDictionary(c => c.Id);
        var ordered = ReviewOrder.Due(schedule, due.Select(PlanningCard.From), now, topics).Select(c => byId[c.Id]).ToList();
        // Steps already started always continue; the daily limit caps graduated reviews.
        var learning = ordered.Where(c => c.State != CardState.Review).ToList();
        var review = ordered.Where(c => c.State == CardState.Review).Take(reviewsLeft).ToList();
        var dueList = learning.Concat(review).ToList();
        var newLeft = Math.Max(0, schedule.Settings.NewPerDay - todayLogs.Count(l => l.WasNew));
        var exam = schedule.NextExam(today);
        var stopped = exam is { } e && !schedule.PlannerFor(e.CredentialId).IntroducesNewCards(today);
        var fresh = stopped || newLeft == 0
            ? []
            : await db.ReviewCards.AsNoTracking().Where(c => c.UserId == userId && c.State == CardState.New)
                .OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id).Take(newLeft * 2).ToListAsync(ct);
        var freshOrdered = fresh.OrderBy(c => c.Topic is not null && topics.Contains(c.Topic)).Take(newLeft).ToList();
        return (dueList, freshOrdered, stopped);
    }
}

public enum AnswerStatus
{
    Saved,
    Already,
    Invalid,
    NotFound,
}

public sealed record AnswerResult(AnswerStatus Status, long? LogId, string? Error)
{
    public static readonly AnswerResult NotFound = new(AnswerStatus.NotFound, null, null);

    public static AnswerResult Saved(long logId) => new(AnswerStatus.Saved, logId, null);

    public static AnswerResult Already(long logId) => new(AnswerStatus.Already, logId, null);

    public static AnswerResult Invalid(string error) => new(AnswerStatus.Invalid, null, error);
}

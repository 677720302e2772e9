using System.Security.Cryptography;
using CertPrep.Content.Model;
using CertPrep.Domain.Practice;
using CertPrep.Domain.Scheduling;
using CertPrep.Web.Data;
using CertPrep.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Reviews;

/// <summary>An answered question, from a practice quiz, a mock exam or a review session.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="CredentialId">The credential it was answered in.</param>
/// <param name="Topic">Its topic (related questions are kept apart).</param>
/// <param name="Type">Its type (the median answer time is per type).</param>
/// <param name="Correct">Whether the answer was right.</param>
/// <param name="Confidence">How sure the learner said they were.</param>
/// <param name="TimeMs">Time spent on it, if measured.</param>
/// <param name="Shown">For a review-session answer: the version and seed shown, and the answer, for its feedback.</param>
/// <param name="Item">The question's prior item parameters: when given, the answer also updates the learner's abilities.</param>
/// <param name="QuestionVersionId">The version answered, whose fitted parameters replace the prior when it has them.</param>
public sealed record AnsweredQuestion(
    string QuestionId,
    string CredentialId,
    string? Topic,
    QuestionType Type,
    bool Correct,
    Confidence? Confidence,
    int? TimeMs,
    ShownAnswer? Shown = null,
    CertPrep.Domain.Adaptive.ItemParameters? Item = null,
    long? QuestionVersionId = null);

/// <summary>What a review session showed and what the learner chose.</summary>
public sealed record ShownAnswer(long QuestionVersionId, int ItemSeed, string? Choices, string? NumericText);

/// <summary>
/// Updates learners' cards from everything they answer (tutor mode, mock exams, review sessions) and creates the
/// flashcards of the terms a module teaches once the learner has read it. The grade comes from
/// <see cref="AnswerGrading"/>; the due day from the learner's <see cref="ReviewPlanner"/>.
/// </summary>
public sealed class ReviewRecorder(CertPrepDbContext db, Adaptive.AbilityRecorder abilities, TimeProvider time)
{
    private const int TimesForMedian = 50;

    /// <summary>Records answers of one learner (a practice answer, or a whole submitted exam). Returns the log ids.</summary>
    public async Task<IReadOnlyList<long>> RecordAsync(string userId, IReadOnlyList<AnsweredQuestion> answers, ReviewSource source, CancellationToken ct)
    {
        if (answers.Count == 0)
        {
            return [];
        }

        var now = time.GetUtcNow();
        var schedule = await LearnerSchedule.LoadAsync(db, userId, ct);
        var ids = answers.Select(a => a.QuestionId).Distinct(StringComparer.Ordinal).ToList();
        var cards = await db.ReviewCards.Where(c => c.UserId == userId && c.Kind == CardKind.Question && ids.Contains(c.ItemId)).ToDictionaryAsync(c => c.ItemId, StringComparer.Ordinal, ct);
        var times = await UsualTimesAsync(userId, ct);
        var logs = new List<ReviewLog>();
        foreach (var answer in answers)
        {
            if (!cards.TryGetValue(answer.QuestionId, out var card))
            {
                card = NewCard(userId, CardKind.Question, answer.QuestionId, answer.CredentialId, answer.Topic, now);
                db.ReviewCards.Add(card);
                cards[answer.QuestionId] = card;
            }

            var typeName = answer.Type.ToString();
            var usual = times.GetValueOrDefault(typeName) ?? [];
            var grade = AnswerGrading.Default.GradeFor(answer.Correct, answer.Confidence, answer.TimeMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, usual);
            var log = await ReviewAsync(schedule, card, grade, now, source, ct);
            log.Correct = answer.Correct;
            log.Confidence = answer.Confidence;
            log.TimeMs = answer.TimeMs;
            log.QuestionType = typeName;
            if (answer.Shown is { } shown)
            {
                log.QuestionVersionId = shown.QuestionVersionId;
                log.ItemSeed = shown.ItemSeed;
                log.Choices = shown.Choices;
                log.NumericText = shown.NumericText;
            }

            logs.Add(log);
            if (answer.TimeMs is { } spent and > 0)
            {
                times[typeName] = [.. usual, TimeSpan.FromMilliseconds(spent)];
            }
        }

        // The same answers move the learner's abilities, saved in the same unit of work.
        await abilities.ApplyAsync(userId, [.. answers.Where(a => a.Item is not null).Select(a => (a.QuestionId, a.QuestionVersionId, a.Item!.Value, a.Correct))], now, ct);
        await db.SaveChangesAsync(ct);
        return [.. logs.Select(l => l.Id)];
    }

    /// <summary>Grades a flashcard (or any card) directly. Returns null when the card is not the learner's or has moved on.</summary>
    public async Task<ReviewLog?> GradeAsync(string userId, long cardId, int reps, Grade grade, CancellationToken ct)
    {
        var card = await db.ReviewCards.SingleOrDefaultAsync(c => c.Id == cardId && c.UserId == userId, ct);
        if (card is null || card.Reps != reps)
        {
            return null;
        }

        var schedule = await LearnerSchedule.LoadAsync(db, userId, ct);
        var log = await ReviewAsync(schedule, card, grade, time.GetUtcNow(), ReviewSource.Review, ct);
        await db.SaveChangesAsync(ct);
        return log;
    }

    /// <summary>Creates the two flashcards of every key term of a module the learner has read (once).</summary>
    public async Task<int> AddTermCardsAsync(string userId, string moduleId, CancellationToken ct)
    {
        var module = await db.Modules.AsNoTracking().Where(m => m.Id == moduleId && !m.IsRetired).Select(m => new { m.CredentialId, m.MetadataJson }).SingleOrDefaultAsync(ct);
        if (module is null)
        {
            return 0;
        }

        var terms = LibraryJson.Read<ModuleMetadata>(module.MetadataJson).KeyTerms;
        var live = await db.GlossaryTerms.AsNoTracking().Where(t => terms.Contains(t.Id) && !t.IsRetired).Select(t => t.Id).ToListAsync(ct);
        var existing = await db.ReviewCards.AsNoTracking()
            .Where(c => c.UserId == userId && c.Kind != CardKind.Question && live.Contains(c.ItemId))
            .Select(c => new { c.Kind, c.ItemId }).ToListAsync(ct);
        var have = existing.Select(e => (e.Kind, e.ItemId)).ToHashSet();
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var term in live)
        {
            foreach (var kind in new[] { CardKind.TermToDefinition, CardKind.DefinitionToTerm })
            {
                if (have.Add((kind, term)))
                {
                    db.ReviewCards.Add(NewCard(userId, kind, term, module.CredentialId, $"term:{term}", now));
                    added++;
                }
            }
        }

        if (added > 0)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same module marked read twice at once: the other request created the cards.
                db.ChangeTracker.Clear();
                return 0;
            }
        }

        return added;
    }

    private async Task<ReviewLog> ReviewAsync(LearnerSchedule schedule, ReviewCard card, Grade grade, DateTimeOffset now, ReviewSource source, CancellationToken ct)
    {
        var previous = card.Snapshot();
        var wasNew = card.State == CardState.New;
        var outcome = schedule.Scheduler.Review(card.ToCard(), grade, now, card.FuzzSeed());
        var planner = schedule.PlannerFor(card.CredentialId);
        var (earliest, latest, _) = planner.Window(outcome);
        var load = earliest == latest ? [] : await LoadAsync(card, earliest, latest, ct);
        var next = planner.Plan(outcome, day => load.GetValueOrDefault(day));
        card.Apply(next);
        var log = new ReviewLog
        {
            Card = card,
            UserId = card.UserId,
            ReviewedUtc = now.UtcDateTime,
            Day = next.LastReviewDay,
            Grade = grade,
            Source = source,
            WasNew = wasNew,
            ScheduledDays = next.ScheduledDays,
            Stability = next.Stability,
            Difficulty = next.Difficulty,
            PreviousJson = previous,
        };
        db.ReviewLogs.Add(log);
        return log;
    }

    /// <summary>Planned reviews per day in the window, with days holding a related card (same topic) made unattractive.</summary>
    private async Task<Dictionary<int, int>> LoadAsync(ReviewCard card, int earliest, int latest, CancellationToken ct)
    {
        var rows = await db.ReviewCards.AsNoTracking()
            .Where(c => c.UserId == card.UserId && c.Id != card.Id && c.State != CardState.New && c.DueDay >= earliest && c.DueDay <= latest)
            .GroupBy(c => c.DueDay)
            .Select(g => new { Day = g.Key, Count = g.Count(), Related = g.Count(c => card.Topic != null && c.Topic == card.Topic) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Day, r => r.Count + (r.Related > 0 ? 10_000 : 0));
    }

    private async Task<Dictionary<string, List<TimeSpan>>> UsualTimesAsync(string userId, CancellationToken ct)
    {
        var rows = await db.ReviewLogs.AsNoTracking()
            .Where(l => l.UserId == userId && l.TimeMs != null && l.TimeMs > 0 && l.QuestionType != null)
            .OrderByDescending(l => l.Id).Take(TimesForMedian * 4)
            .Select(l => new { l.QuestionType, l.TimeMs })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.QuestionType!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Take(TimesForMedian).Select(r => TimeSpan.FromMilliseconds(r.TimeMs!.Value)).ToList(), StringComparer.Ordinal);
    }

    private static ReviewCard NewCard(string userId, CardKind kind, string itemId, string credentialId, string? topic, DateTimeOffset now) => new()
    {
        UserId = userId,
        Kind = kind,
        ItemId = itemId,
        CredentialId = credentialId,
        Topic = topic is { Length: > 200 } t ? t[..200] : topic,
        State = CardState.New,
        DueUtc = now.UtcDateTime,
        Seed = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)),
        CreatedUtc = now.UtcDateTime,
    };
}

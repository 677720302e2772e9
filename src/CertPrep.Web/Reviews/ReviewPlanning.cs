using System.Text.Json;
using CertPrep.Domain.Scheduling;
using CertPrep.Web.Data;
using CertPrep.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Reviews;

/// <summary>A learner's forecast as stored with their prepared day.</summary>
public sealed record ForecastView(
    int Today,
    IReadOnlyList<ForecastDay> Days,
    int? ExamDay,
    string? ExamCredentialId,
    double? ExamDayRecall,
    int CardsAtTarget,
    int Cards,
    bool NewCardsAllowed,
    int ConsolidationDays)
{
    public static ForecastView? Read(string json) => JsonSerializer.Deserialize<ForecastView>(json);

    public string Write() => JsonSerializer.Serialize(this);
}

/// <summary>
/// The planning work of the background jobs: preparing each learner's day (queue in priority order and forecast) once
/// their day has started, and re-planning a learner's cards when their settings or exam date change. Both are
/// idempotent: a day already prepared is left alone, and re-planning gives the same days when run twice.
/// </summary>
public sealed class ReviewPlanning(CertPrepDbContext db, TimeProvider time)
{
    public const int LearnersPerBatch = 200;

    /// <summary>Prepares today's queue and forecast for every learner with cards who has none for their today yet.</summary>
    public async Task<int> PrepareDaysAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var prepared = 0;
        string? after = null;
        while (true)
        {
            var users = await db.ReviewCards.AsNoTracking()
                .Where(c => after == null || string.Compare(c.UserId, after) > 0)
                .Select(c => c.UserId).Distinct().OrderBy(u => u).Take(LearnersPerBatch).ToListAsync(ct);
            if (users.Count == 0)
            {
                break;
            }

            after = users[^1];
            var schedules = await SchedulesAsync(users, ct);
            var todays = schedules.ToDictionary(s => s.Key, s => s.Value.Calendar.DayOf(now), StringComparer.Ordinal);
            var minDay = todays.Values.Min();
            var done = (await db.ReviewDays.AsNoTracking().Where(d => users.Contains(d.UserId) && d.Day >= minDay).Select(d => new { d.UserId, d.Day }).ToListAsync(ct))
                .Where(d => todays[d.UserId] == d.Day).Select(d => d.UserId).ToHashSet(StringComparer.Ordinal);
            var todo = users.Where(u => !done.Contains(u)).ToList();
            if (todo.Count == 0)
            {
                continue;
            }

            // Only what planning needs, and no date parsing for graduated cards (their due instant is their due day's start).
            var cards = (await db.ReviewCards.AsNoTracking().Where(c => todo.Contains(c.UserId))
                .Select(c => new { c.UserId, Card = new PlanningCard(c.Id, c.State, c.Stability, c.Difficulty, c.Step, c.Reps, c.Lapses, c.LastReviewDay, c.ElapsedDays, c.ScheduledDays, c.DueDay, c.State == CardState.Review ? null : c.DueUtc, null) })
                .ToListAsync(ct)).ToLookup(c => c.UserId, c => c.Card, StringComparer.Ordinal);
            // Planning is pure computation on each learner's own cards: spread it over the cores, then write once.
            var days = new ReviewDay[todo.Count];
            Parallel.For(0, todo.Count, new ParallelOptions { CancellationToken = ct }, i => days[i] = Prepare(todo[i], schedules[todo[i]], [.. cards[todo[i]]], now));
            db.ReviewDays.AddRange(days);

            try
            {
                await db.SaveChangesAsync(ct);
                prepared += todo.Count;
            }
            catch (DbUpdateException)
            {
                // Another node prepared some of these days at the same moment: theirs stand.
                db.ChangeTracker.Clear();
            }

            db.ChangeTracker.Clear();
        }

        var oldest = now.UtcDateTime.AddDays(-35);
        await db.ReviewDays.Where(d => d.PreparedUtc < oldest).ExecuteDeleteAsync(ct);
        return prepared;
    }

    /// <summary>
    /// Re-plans every graduated card of a learner under their current settings and exam dates (FSRS interval from the
    /// last review, the exam rule, load levelling in card order), then prepares today again.
    /// </summary>
    public async Task<int> ReplanAsync(string userId, CancellationToken ct)
    {
        var schedule = await LearnerSchedule.LoadAsync(db, userId, ct);
        var cards = await db.ReviewCards.Where(c => c.UserId == userId).OrderBy(c => c.Id).ToListAsync(ct);
        var load = new Dictionary<int, int>();
        var changed = 0;
        foreach (var card in cards.Where(c => c.State == CardState.Review))
        {
            var outcome = schedule.Scheduler.Reschedule(card.ToCard(), card.FuzzSeed());
            var planned = schedule.PlannerFor(card.CredentialId).Plan(outcome, day => load.GetValueOrDefault(day));
            load[planned.DueDay] = load.GetValueOrDefault(planned.DueDay) + 1;
            if (planned.DueDay != card.DueDay)
            {
                changed++;
            }

            card.Apply(planned);
        }

        var now = time.GetUtcNow();
        var today = schedule.Calendar.DayOf(now);
        await db.ReviewDays.Where(d => d.UserId == userId && d.Day == today).ExecuteDeleteAsync(ct);
        db.ReviewDays.Add(Prepare(userId, schedule, [.. cards.Select(PlanningCard.From)], now));
        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>The forecast now, without storing it (the forecast page when the day is not prepared yet).</summary>
    public async Task<ForecastView> ForecastAsync(string userId, CancellationToken ct)
    {
        var schedule = await LearnerSchedule.LoadAsync(db, userId, ct);
        var now = time.GetUtcNow();
        var stored = await db.ReviewDays.AsNoTracking().Where(d => d.UserId == userId && d.Day == schedule.Calendar.DayOf(now)).Select(d => d.ForecastJson).SingleOrDefaultAsync(ct);
        if (stored is not null && ForecastView.Read(stored) is { } view)
        {
            return view;
        }

        var cards = await db.ReviewCards.AsNoTracking().Where(c => c.UserId == userId).ToListAsync(ct);
        return Forecast(schedule, [.. cards.Select(PlanningCard.From)], now);
    }

    public static ReviewDay Prepare(string userId, LearnerSchedule schedule, IReadOnlyList<PlanningCard> cards, DateTimeOffset now)
    {
        var forecast = Forecast(schedule, cards, now);
        var queue = ReviewOrder.Due(schedule, cards, now, new HashSet<string>()).Select(c => c.Id).ToList();
        return new ReviewDay
        {
            UserId = userId,
            Day = forecast.Today,
            PreparedUtc = now.UtcDateTime,
            DueCount = queue.Count,
            NewCardsAllowed = forecast.NewCardsAllowed,
            QueueJson = JsonSerializer.Serialize(queue),
            ForecastJson = forecast.Write(),
        };
    }

    public static ForecastView Forecast(LearnerSchedule schedule, IReadOnlyList<PlanningCard> cards, DateTimeOffset now)
    {
        var today = schedule.Calendar.DayOf(now);
        var exam = schedule.NextExam(today);
        var planner = exam is { } e ? schedule.PlannerFor(e.CredentialId) : schedule.PlannerFor(string.Empty);
        var forecast = StudyForecast.Compute(cards.Select(c => c.ToCard(schedule.Calendar)), planner, today);
        return new ForecastView(
            today,
            forecast.Days,
            planner.Exam?.ExamDay,
            exam?.CredentialId,
            forecast.ExamDayRecall,
            forecast.CardsAtTarget,
            forecast.Cards,
            planner.IntroducesNewCards(today),
            planner.ConsolidationDays);
    }

    private async Task<Dictionary<string, LearnerSchedule>> SchedulesAsync(IReadOnlyList<string> users, CancellationToken ct)
    {
        var settings = await db.StudySettings.AsNoTracking().Where(s => users.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, StringComparer.Ordinal, ct);
        var exams = (await db.Enrolments.AsNoTracking().Where(e => users.Contains(e.UserId) && e.ExamDate != null)
            .Select(e => new { e.UserId, e.CredentialId, e.ExamDate }).ToListAsync(ct)).ToLookup(e => e.UserId, StringComparer.Ordinal);
        return users.ToDictionary(
            u => u,
            u => LearnerSchedule.For(
                settings.GetValueOrDefault(u) ?? new StudySettings { UserId = u },
                exams[u].ToDictionary(e => e.CredentialId, e => e.ExamDate!.Value, StringComparer.Ordinal)),
            StringComparer.Ordinal);
    }
}

/// <summary>What planning and ordering need of a card (read without the columns they do not use).</summary>
public readonly record struct PlanningCard(
    long Id,
    CardState State,
    double Stability,
    double Difficulty,
    int Step,
    int Reps,
    int Lapses,
    int LastReviewDay,
    int ElapsedDays,
    int ScheduledDays,
    int DueDay,
    DateTime? DueUtc,
    string? Topic)
{
    public static PlanningCard From(ReviewCard c) =>
        new(c.Id, c.State, c.Stability, c.Difficulty, c.Step, c.Reps, c.Lapses, c.LastReviewDay, c.ElapsedDays, c.ScheduledDays, c.DueDay, c.DueUtc, c.Topic);

    /// <summary>The domain card; a graduated card's instants are its days' starts (only its days matter to planning).</summary>
    public Card ToCard(StudyCalendar calendar) => new(
        State,
        new MemoryState(Stability, Difficulty),
        Step,
        Reps,
        Lapses,
        State == CardState.New ? null : calendar.StartOf(LastReviewDay),
        LastReviewDay,
        ElapsedDays,
        ScheduledDays,
        DueUtc is { } due ? new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)) : calendar.StartOf(DueDay),
        DueDay);
}

/// <summary>Which cards are due, in the order the Review page shows them.</summary>
public static class ReviewOrder
{
    /// <summary>
    /// Cards due now: (re)learning steps whose time has come first, then graduated cards due today or earlier, lowest
    /// recall probability first; cards related to one already reviewed today (same topic) go to the end.
    /// </summary>
    public static IReadOnlyList<PlanningCard> Due(LearnerSchedule schedule, IEnumerable<PlanningCard> cards, DateTimeOffset now, IReadOnlySet<string> topicsSeenToday)
    {
        var today = schedule.Calendar.DayOf(now);
        var nowUtc = now.UtcDateTime;
        return [.. cards
            .Where(c => c.State is CardState.Learning or CardState.Relearning ? c.DueUtc <= nowUtc : c.State == CardState.Review && c.DueDay <= today)
            .OrderBy(c => c.Topic is not null && topicsSeenToday.Contains(c.Topic))
            .ThenBy(c => c.State == CardState.Review)
            .ThenBy(c => c.State == CardState.Review ? schedule.Scheduler.Model.Retrievability(Math.Max(0, today - c.LastReviewDay), c.Stability) : 0)
            .ThenBy(c => c.DueUtc ?? DateTime.MinValue)
            .ThenBy(c => c.Id)];
    }
}

/// <summary>Runs after each learner's day starts (hourly, so every time zone's day start is covered within the hour).</summary>
public sealed class PrepareReviewDaysJob(ReviewPlanning planning) : IBackgroundJob
{
    public const string Name = "prepare-review-days";

    public Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken) => planning.PrepareDaysAsync(cancellationToken);
}

/// <summary>Re-plans one learner's cards (argument <c>userId</c>) after a settings or exam-date change.</summary>
public sealed class ReplanLearnerJob(ReviewPlanning planning) : IBackgroundJob
{
    public const string Name = "replan-learner";

    public Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken) =>
        context.Arguments.TryGetValue("userId", out var userId) ? planning.ReplanAsync(userId, cancellationToken) : Task.CompletedTask;
}

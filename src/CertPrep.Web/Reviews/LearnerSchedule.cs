using System.Text.Json;
using CertPrep.Domain.Scheduling;
using CertPrep.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Reviews;

/// <summary>
/// One learner's scheduling, built from their <see cref="StudySettings"/> and enrolments: the FSRS scheduler in their
/// time zone, and a planner per credential with that enrolment's exam date.
/// </summary>
public sealed class LearnerSchedule
{
    private readonly IReadOnlyDictionary<string, DateOnly> _examDates;
    private readonly Dictionary<string, ReviewPlanner> _planners = new(StringComparer.Ordinal);

    private LearnerSchedule(StudySettings settings, IReadOnlyDictionary<string, DateOnly> examDates)
    {
        Settings = settings;
        _examDates = examDates;
        var calendar = CalendarOf(settings.TimeZone, settings.DayStartMinutes);
        Scheduler = new FsrsScheduler(SchedulerSettings.Default with
        {
            DesiredRetention = Math.Clamp(settings.DesiredRetention, SchedulerSettings.MinDesiredRetention, SchedulerSettings.MaxDesiredRetention),
            Calendar = calendar,
        });
        EasyDays = ParseEasyDays(settings.EasyDays);
    }

    public StudySettings Settings { get; }

    public FsrsScheduler Scheduler { get; }

    public EasyDays EasyDays { get; }

    public StudyCalendar Calendar => Scheduler.Calendar;

    /// <summary>The nearest exam date still ahead among the learner's enrolments, if any.</summary>
    public (string CredentialId, int Day)? NextExam(int today) =>
        _examDates.Where(e => e.Value.DayNumber >= today).OrderBy(e => e.Value).Select(e => ((string, int)?)(e.Key, e.Value.DayNumber)).FirstOrDefault();

    /// <summary>The planner for cards met in a credential (its enrolment's exam date, if set and ahead).</summary>
    public ReviewPlanner PlannerFor(string credentialId)
    {
        if (!_planners.TryGetValue(credentialId, out var planner))
        {
            var exam = _examDates.TryGetValue(credentialId, out var date) ? new ExamGoal(date.DayNumber, Math.Clamp(Settings.ExamTarget, ExamGoal.MinTarget, ExamGoal.MaxTarget)) : null;
            planner = new ReviewPlanner(Scheduler, exam, EasyDays);
            _planners[credentialId] = planner;
        }

        return planner;
    }

    public static async Task<LearnerSchedule> LoadAsync(CertPrepDbContext db, string userId, CancellationToken ct)
    {
        var settings = await db.StudySettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, ct) ?? new StudySettings { UserId = userId };
        var exams = await db.Enrolments.AsNoTracking().Where(e => e.UserId == userId && e.ExamDate != null)
            .Select(e => new { e.CredentialId, e.ExamDate }).ToListAsync(ct);
        return new LearnerSchedule(settings, exams.ToDictionary(e => e.CredentialId, e => e.ExamDate!.Value, StringComparer.Ordinal));
    }

    public static LearnerSchedule For(StudySettings settings, IReadOnlyDictionary<string, DateOnly> examDates) => new(settings, examDates);

    /// <summary>The learner's calendar: their zone (UTC when unknown) and day start.</summary>
    public static StudyCalendar CalendarOf(string timeZone, int dayStartMinutes) =>
        new(Zone(timeZone), TimeSpan.FromMinutes(Math.Clamp(dayStartMinutes, 0, (24 * 60) - 1)));

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static EasyDays ParseEasyDays(string? letters)
    {
        var days = EasyDays.AllNormal;
        for (var i = 0; i < 7 && letters is not null && i < letters.Length; i++)
        {
            days = days.With((DayOfWeek)i, letters[i] switch { 'R' => EasyDayLevel.Reduced, 'X' => EasyDayLevel.None, _ => EasyDayLevel.Normal });
        }

        return days;
    }

    public static string FormatEasyDays(EasyDays days) =>
        string.Concat(Enumerable.Range(0, 7).Select(i => days[(DayOfWeek)i] switch { EasyDayLevel.Reduced => 'R', EasyDayLevel.None => 'X', _ => 'N' }));
}

/// <summary>Moves a card's FSRS state between the database row and the domain's <see cref="Card"/>.</summary>
public static class CardRows
{
    public static Card ToCard(this ReviewCard row) => new(
        row.State,
        new MemoryState(row.Stability, row.Difficulty),
        row.Step,
        row.Reps,
        row.Lapses,
        row.LastReviewUtc is { } last ? Utc(last) : null,
        row.LastReviewDay,
        row.ElapsedDays,
        row.ScheduledDays,
        Utc(row.DueUtc),
        row.DueDay);

    public static void Apply(this ReviewCard row, in Card card)
    {
        row.State = card.State;
        row.Stability = card.Stability;
        row.Difficulty = card.Difficulty;
        row.Step = card.Step;
        row.Reps = card.Reps;
        row.Lapses = card.Lapses;
        row.LastReviewUtc = card.LastReview?.UtcDateTime;
        row.LastReviewDay = card.LastReviewDay;
        row.ElapsedDays = card.ElapsedDays;
        row.ScheduledDays = card.ScheduledDays;
        row.DueUtc = card.Due.UtcDateTime;
        row.DueDay = card.DueDay;
    }

    public static string Snapshot(this ReviewCard row) => JsonSerializer.Serialize(new CardSnapshot(
        row.State, row.Stability, row.Difficulty, row.Step, row.Reps, row.Lapses, row.LastReviewUtc, row.LastReviewDay, row.ElapsedDays, row.ScheduledDays, row.DueUtc, row.DueDay));

    public static void Restore(this ReviewCard row, string snapshot)
    {
        var s = JsonSerializer.Deserialize<CardSnapshot>(snapshot) ?? throw new InvalidOperationException("Empty card snapshot.");
        row.Apply(new Card(
            s.State, new MemoryState(s.Stability, s.Difficulty), s.Step, s.Reps, s.Lapses, s.LastReviewUtc is { } last ? Utc(last) : null,
            s.LastReviewDay, s.ElapsedDays, s.ScheduledDays, Utc(s.DueUtc), s.DueDay));
    }

    /// <summary>The card's fixed seed as the scheduler takes it.</summary>
    public static ulong FuzzSeed(this ReviewCard row) => unchecked((ulong)row.Seed);

    /// <summary>The seed a question card is shown with at its current review: new options order and numbers each time.</summary>
    public static int ItemSeed(this ReviewCard row) => unchecked((int)(row.Seed ^ (row.Seed >> 32)) ^ (row.Reps * 0x5bd1e995));

    /// <summary>Database times are UTC; EF may read them back unspecified.</summary>
    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record CardSnapshot(
        CardState State, double Stability, double Difficulty, int Step, int Reps, int Lapses, DateTime? LastReviewUtc,
        int LastReviewDay, int ElapsedDays, int ScheduledDays, DateTime DueUtc, int DueDay);
}

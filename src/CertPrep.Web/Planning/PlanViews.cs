using System.Text.Json;
using CertPrep.Domain.Adaptive;
using CertPrep.Domain.Planning;
using CertPrep.Web.Adaptive;
using CertPrep.Web.Data;
using CertPrep.Web.Enrolments;
using CertPrep.Web.Reviews;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Planning;

/// <summary>One enrolment's day: its tasks with their progress.</summary>
public sealed record TodayPlan(EnrolmentView Enrolment, DateOnly Today, IReadOnlyList<TaskProgress> Tasks, int BudgetMinutes, StudyPlan Plan)
{
    public int TasksLeft => Tasks.Count(t => !t.Done);

    public int MinutesLeft => Tasks.Where(t => !t.Done).Sum(t => (int)Math.Ceiling(t.Task.Minutes * (1 - t.Fraction)));
}

/// <summary>A week of the planned-versus-done chart (minutes).</summary>
public sealed record WeekHours(DateOnly Monday, int PlannedMinutes, int DoneMinutes, bool IsPast);

/// <summary>A calendar day of the Plan page: planned tasks (as they were planned, for past days) and minutes done.</summary>
public sealed record CalendarDay(DateOnly Date, int BudgetMinutes, IReadOnlyList<PlanTask> Tasks, int DoneMinutes, bool IsToday, bool IsPast, bool InRange);

/// <summary>Where the plan leads if followed: mastery per domain now and projected, and the readiness both give.</summary>
public sealed record ProjectedReadiness(Readiness Now, Readiness Projected, double? ScoreNow, double? ScoreProjected, string? ScaleName, IReadOnlyList<(string Name, double Now, double Projected, int Questions)> Domains);

/// <summary>Everything on the Plan page for one enrolment.</summary>
public sealed record PlanPage(
    EnrolmentView Enrolment,
    StoredPlan Stored,
    DateOnly Today,
    IReadOnlyList<CalendarDay> Days,
    IReadOnlyList<WeekHours> Weeks,
    StudyStreak Streak,
    ProjectedReadiness? Readiness,
    IReadOnlyList<(DateTime ChangedUtc, string Trigger, IReadOnlyList<string> Changes)> Changes,
    int WeeklyHours,
    bool WeeklyHoursSuggested);

/// <summary>The read side of the study plan: the Today page, the Plan page and the dashboard's reminders.</summary>
public sealed class PlanViews(CertPrepDbContext db, PlanService plans, PlanInputs inputs, StudyActivity activity, EnrolmentService enrolments, MasteryService mastery, TimeProvider time)
{
    /// <summary>Weeks of history on the chart.</summary>
    public const int ChartWeeksBack = 7;

    /// <summary>Weeks ahead on the chart.</summary>
    public const int ChartWeeksAhead = 4;

    /// <summary>Today's tasks for each enrolment, re-planning first any plan made before the learner's today.</summary>
    public async Task<IReadOnlyList<TodayPlan>> TodayAsync(string userId, CancellationToken ct)
    {
        var result = new List<TodayPlan>();
        foreach (var enrolment in await enrolments.ForUserAsync(userId, ct))
        {
            var (stored, schedule, today) = await FreshAsync(userId, enrolment.Credential.Id, ct);
            if (stored is null)
            {
                continue;
            }

            var day = stored.Plan.Days.FirstOrDefault(d => d.Date == today);
            var progress = PlanProgress.Of(day?.Tasks ?? [], await activity.TodayAsync(userId, enrolment.Credential.Id, schedule.Calendar, today, ct));
            result.Add(new TodayPlan(enrolment, today, progress, day?.BudgetMinutes ?? 0, stored.Plan));
        }

        return result;
    }

    /// <summary>The Plan page of one enrolment; <paramref name="anchor"/> picks the week or month shown.</summary>
    public async Task<PlanPage?> PageAsync(string userId, string credentialId, DateOnly? anchor, bool month, CancellationToken ct)
    {
        var enrolment = (await enrolments.ForUserAsync(userId, ct)).FirstOrDefault(e => e.Credential.Id == credentialId);
        var (stored, schedule, today) = await FreshAsync(userId, credentialId, ct);
        if (enrolment is null || stored is null)
        {
            return null;
        }

        var context = (await inputs.LoadAsync([userId], credentialId, ct)).Single();
        var at = anchor ?? today;
        var (first, last) = month
            ? (Monday(new DateOnly(at.Year, at.Month, 1)), Monday(new DateOnly(at.Year, at.Month, 1).AddMonths(1).AddDays(-1)).AddDays(6))
            : (Monday(at), Monday(at).AddDays(6));
        var chartFrom = Monday(today).AddDays(-7 * ChartWeeksBack);
        var chartTo = Monday(today).AddDays((7 * (ChartWeeksAhead + 1)) - 1);
        var from = first < chartFrom ? first : chartFrom;
        var history = (await db.StudyPlanDays.AsNoTracking().Where(d => d.UserId == userId && d.CredentialId == credentialId && d.Date >= from && d.Date < today).ToListAsync(ct))
            .ToDictionary(d => d.Date);
        var log = await activity.LogAsync(userId, credentialId, schedule.Calendar, today.AddDays(-366) < from ? today.AddDays(-366) : from, today, ct);
        var planned = stored.Plan.Days.ToDictionary(d => d.Date);

        var days = new List<CalendarDay>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            var (budget, tasks) = d < today
                ? history.TryGetValue(d, out var h) ? (h.BudgetMinutes, JsonSerializer.Deserialize<List<PlanTask>>(h.TasksJson) ?? []) : (0, [])
                : planned.TryGetValue(d, out var p) ? (p.BudgetMinutes, p.Tasks) : (0, (IReadOnlyList<PlanTask>)[]);
            days.Add(new CalendarDay(d, budget, tasks, log.Minutes.GetValueOrDefault(d), d == today, d < today, !month || d.Month == at.Month));
        }

        var weeks = new List<WeekHours>();
        for (var monday = chartFrom; monday <= chartTo; monday = monday.AddDays(7))
        {
            var plannedMinutes = 0;
            var done = 0;
            for (var d = monday; d < monday.AddDays(7); d = d.AddDays(1))
            {
                plannedMinutes += d < today ? history.GetValueOrDefault(d)?.PlannedMinutes ?? 0 : planned.GetValueOrDefault(d)?.PlannedMinutes ?? 0;
                done += log.Minutes.GetValueOrDefault(d);
            }

            weeks.Add(new WeekHours(monday, plannedMinutes, done, monday.AddDays(6) < today));
        }

        var studyDays = context.Request.StudyDays;
        var streak = StudyStreak.Of(log.Studied, today, d => studyDays.Contains(d.DayOfWeek) && context.Request.DayCapacity(d) > 0);
        var changes = (await db.StudyPlanChanges.AsNoTracking().Where(c => c.UserId == userId && c.CredentialId == credentialId).OrderByDescending(c => c.ChangedUtc).ThenByDescending(c => c.Id).Take(10).ToListAsync(ct))
            .Select(c => (c.ChangedUtc, c.Trigger, (IReadOnlyList<string>)(JsonSerializer.Deserialize<List<string>>(c.ChangesJson) ?? []))).ToList();
        return new PlanPage(enrolment, stored, today, days, weeks, streak, await ProjectAsync(userId, credentialId, stored.Plan, today, ct), changes, context.WeeklyHours, context.WeeklyHoursSuggested);
    }

    /// <summary>Readiness now and on the exam date if the plan's practice is done (see <see cref="ReadinessProjection"/>).</summary>
    public async Task<ProjectedReadiness?> ProjectAsync(string userId, string credentialId, StudyPlan plan, DateOnly today, CancellationToken ct)
    {
        if (await mastery.ForAsync(userId, credentialId, ct) is not { } report)
        {
            return null;
        }

        var questions = ReadinessProjection.PlannedQuestions(plan, today);
        var now = report.Domains.ToDictionary(d => d.Id, d => d.Mastery, StringComparer.Ordinal);
        var projected = report.Domains.ToDictionary(d => d.Id, d => ReadinessProjection.Project(d.Mastery, questions.GetValueOrDefault(d.Id)), StringComparer.Ordinal);
        var weights = report.Domains.ToDictionary(d => d.Id, d => d.Weight, StringComparer.Ordinal);
        var names = report.Domains.ToDictionary(d => d.Id, d => d.Name, StringComparer.Ordinal);
        var scale = report.Readiness.Scale;
        var cut = scale?.CutProportion ?? Domain.Exams.ScoreScale.DefaultCutProportion;
        var mocks = report.Readiness.MockExams + plan.MockExamDates.Count;
        var projectedReadiness = Readiness.Compute(projected, weights, cut, mocks, domainName: id => names.GetValueOrDefault(id) ?? id);
        return new ProjectedReadiness(
            report.Readiness.Readiness,
            projectedReadiness,
            report.Readiness.Score,
            scale?.Map(projectedReadiness.ExpectedShare),
            scale?.Name,
            [.. report.Domains.Select(d => (d.Name, d.Mastery.Share, projected[d.Id].Share, questions.GetValueOrDefault(d.Id)))]);
    }

    public static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The stored plan, re-made first when it was made before the learner's today (the hourly job has not reached them yet).</summary>
    private async Task<(StoredPlan? Plan, LearnerSchedule Schedule, DateOnly Today)> FreshAsync(string userId, string credentialId, CancellationToken ct)
    {
        var schedule = await LearnerSchedule.LoadAsync(db, userId, ct);
        var today = DateOnly.FromDayNumber(schedule.Calendar.DayOf(time.GetUtcNow()));
        var stored = await plans.CurrentAsync(userId, credentialId, ct);
        if (stored is not null && stored.Record.Day < today)
        {
            await plans.ReplanAsync(userId, credentialId, PlanTriggers.NewDay, [], ct);
            stored = await plans.CurrentAsync(userId, credentialId, ct);
        }

        return (stored, schedule, today);
    }
}

using System.IO.Compression;
using System.Text.Json;
using CertPrep.Domain.Planning;
using CertPrep.Web.Adaptive;
using CertPrep.Web.Data;
using CertPrep.Web.Reviews;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Planning;

/// <summary>What started a re-plan (stored with the change log).</summary>
public static class PlanTriggers
{
    public const string First = "first plan";
    public const string Nightly = "nightly";
    public const string OnDemand = "on demand";
    public const string Settings = "settings";
    public const string MockExam = "mock exam";
    public const string NewDay = "new day";
    public const string Diagnostic = "diagnostic";
}

/// <summary>
/// Makes and re-makes study plans (see <c>docs/study-plan.md</c>): the domain planner on inputs loaded by
/// <see cref="PlanInputs"/>, the plan stored gzipped, the past days frozen as they were planned, and every re-plan's
/// changes logged with its reasons. The nightly job re-plans each enrolment once per learner day, in batches; a learner
/// can re-plan on demand, and changing the plan's settings or taking a mock exam re-plans at once.
/// </summary>
public sealed class PlanService(CertPrepDbContext db, PlanInputs inputs, MasteryService mastery, ReviewPlanning reviews, TimeProvider time)
{
    public const int LearnersPerBatch = 200;

    /// <summary>Re-plan log entries kept (days).</summary>
    public const int ChangeLogDays = 90;

    /// <summary>Past planned days kept for the planned-versus-done chart (days).</summary>
    public const int HistoryDays = 400;

    /// <summary>Ended days frozen at most (a plan not re-made for longer loses the oldest of its days from the chart).</summary>
    public const int FreezeDays = 35;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    /// <summary>
    /// Re-plans one enrolment now, with the learner's live mastery, and logs why. Returns the new plan, or null when the
    /// learner is not enrolled (or the credential is gone).
    /// </summary>
    public async Task<StudyPlan?> ReplanAsync(string userId, string credentialId, string trigger, IReadOnlyList<string> reasons, CancellationToken ct)
    {
        try
        {
            return await ReplanOnceAsync(userId, credentialId, trigger, reasons, ct);
        }
        catch (DbUpdateException)
        {
            // Another request (a second tab, the job) made or froze the same plan a moment ago: plan again on top of it.
            db.ChangeTracker.Clear();
            return await ReplanOnceAsync(userId, credentialId, trigger, reasons, ct);
        }
    }

    private async Task<StudyPlan?> ReplanOnceAsync(string userId, string credentialId, string trigger, IReadOnlyList<string> reasons, CancellationToken ct)
    {
        var context = (await inputs.LoadAsync([userId], credentialId, ct)).SingleOrDefault();
        if (context is null)
        {
            return null;
        }

        // On demand there is time to compute mastery and the review forecast live (a mock exam or the first answers count
        // at once); the nightly job uses the snapshot and the prepared day that their own jobs stored earlier.
        if (await mastery.ForAsync(userId, credentialId, ct) is { } report)
        {
            var live = report.Domains.ToDictionary(d => d.Id, d => d.Mastery.Responses > 0 ? d.Mastery.Share : (double?)null, StringComparer.Ordinal);
            context = context with { Request = context.Request with { Domains = [.. context.Request.Domains.Select(d => d with { Mastery = live.GetValueOrDefault(d.Id) ?? d.Mastery })] } };
        }

        var forecast = await reviews.ForecastAsync(userId, ct);
        context = context with { Request = context.Request with { ReviewMinutes = PlanInputs.ReviewMinutes(forecast.Days, context.CardShare, context.Request.MinutesPerQuestion) } };

        var plan = Apply(context, trigger, reasons, await FrozenDatesAsync([userId], ct));
        await SaveAsync(ct);
        return plan;
    }

    /// <summary>Re-plans an enrolment that has a plan (a first plan is made when the learner first opens it).</summary>
    public async Task ReplanIfPlannedAsync(string userId, string credentialId, string reason, CancellationToken ct)
    {
        if (await db.StudyPlans.AnyAsync(p => p.UserId == userId && p.CredentialId == credentialId, ct))
        {
            await ReplanAsync(userId, credentialId, PlanTriggers.Settings, [reason], ct);
        }
    }

    /// <summary>The enrolment's plan, made now if there is none yet (a learner's first visit).</summary>
    public async Task<StoredPlan?> CurrentAsync(string userId, string credentialId, CancellationToken ct)
    {
        var stored = await db.StudyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId && p.CredentialId == credentialId, ct);
        if (stored is null)
        {
            if (await ReplanAsync(userId, credentialId, PlanTriggers.First, [], ct) is null)
            {
                return null;
            }

            stored = await db.StudyPlans.AsNoTracking().SingleAsync(p => p.UserId == userId && p.CredentialId == credentialId, ct);
        }

        return new StoredPlan(stored, Decode(stored.PlanData));
    }

    /// <summary>
    /// The nightly work: every enrolment whose plan was made before the learner's today (or that has none) is re-planned,
    /// in batches of learners. Idempotent: a second run the same day finds nothing to do. Returns how many were planned.
    /// </summary>
    public async Task<int> ReplanDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var planned = 0;
        string? after = null;
        while (true)
        {
            var users = await db.Enrolments.AsNoTracking()
                .Where(e => after == null || string.Compare(e.UserId, after) > 0)
                .Select(e => e.UserId).Distinct().OrderBy(u => u).Take(LearnersPerBatch).ToListAsync(ct);
            if (users.Count == 0)
            {
                break;
            }

            after = users[^1];
            // Only learners with a plan older than their today (or none) are loaded in full: an hourly run that finds
            // nothing to do reads three narrow tables.
            var due = await DueAsync(users, now, ct);
            if (due.Count == 0)
            {
                continue;
            }

            var contexts = (await inputs.LoadAsync(due, null, ct)).Where(c => c.Stored is null || c.Stored.Day < c.Today).ToList();
            if (contexts.Count == 0)
            {
                continue;
            }

            var frozen = await FrozenDatesAsync(due, ct);
            // Planning is pure computation on each enrolment's own inputs: spread it over the cores, then write once.
            var results = new (StudyPlanRecord Record, List<StudyPlanDay> History, StudyPlanChange Change)[contexts.Count];
            Parallel.For(0, contexts.Count, new ParallelOptions { CancellationToken = ct }, i => results[i] = Compute(contexts[i], contexts[i].Stored is null ? PlanTriggers.First : PlanTriggers.Nightly, [], frozen, now));
            foreach (var (context, result) in contexts.Zip(results))
            {
                Track(context, result);
            }

            try
            {
                await SaveAsync(ct);
                planned += contexts.Count;
            }
            catch (DbUpdateException)
            {
                // A learner re-planned on demand at the same moment: theirs stands, the next run catches the rest.
                db.ChangeTracker.Clear();
            }
        }

        var oldLog = now.UtcDateTime.AddDays(-ChangeLogDays);
        await db.StudyPlanChanges.Where(c => c.ChangedUtc < oldLog).ExecuteDeleteAsync(ct);
        var oldDays = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-HistoryDays);
        await db.StudyPlanDays.Where(d => d.Date < oldDays).ExecuteDeleteAsync(ct);
        return planned;
    }

    /// <summary>
    /// Re-plans after a mock exam: the weakest domain of the exam (below 70% on at least three scored items) is named
    /// in the reasons, and live mastery (which the exam just updated) moves that domain's work earlier.
    /// </summary>
    public async Task<StudyPlan?> ReplanAfterMockAsync(string userId, long attemptId, CancellationToken ct)
    {
        var attempt = await db.Attempts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attemptId && a.UserId == userId && a.SubmittedUtc != null, ct);
        if (attempt is null || !await db.Enrolments.AnyAsync(e => e.UserId == userId && e.CredentialId == attempt.CredentialId, ct))
        {
            return null;
        }

        var byDomain = await db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == attemptId && !i.IsPretest)
            .GroupBy(i => i.DomainId).Select(g => new { Domain = g.Key, Items = g.Count(), Correct = g.Count(i => i.IsCorrect == true) }).ToListAsync(ct);
        var credential = await db.Credentials.AsNoTracking().Where(c => c.Id == attempt.CredentialId).Select(c => c.DefinitionJson).SingleAsync(ct);
        var names = Library.LibraryJson.Read<Content.Model.Credential>(credential).Domains.ToDictionary(d => d.Id, d => d.Name, StringComparer.Ordinal);
        var weakest = byDomain.Where(d => d.Items >= WeakDomainMinimumItems).Select(d => (d.Domain, Share: d.Correct / (double)d.Items)).OrderBy(d => d.Share).FirstOrDefault();
        var overall = byDomain.Sum(d => d.Items) is > 0 and var total ? byDomain.Sum(d => d.Correct) / (double)total : 0;
        var reason = weakest.Domain is not null && weakest.Share < WeakDomainShare
            ? $"Mock exam \"{attempt.Title}\": {names.GetValueOrDefault(weakest.Domain) ?? weakest.Domain} was the weakest domain ({weakest.Share:P0} right), so its practice moves earlier."
            : $"Mock exam \"{attempt.Title}\": {overall:P0} right, no domain below {WeakDomainShare:P0}.";
        return await ReplanAsync(userId, attempt.CredentialId, PlanTriggers.MockExam, [reason], ct);
    }

    /// <summary>Re-plans after a finished diagnostic, whose abilities now order the reading and practice.</summary>
    public async Task ReplanAfterDiagnosticAsync(string userId, long attemptId, CancellationToken ct)
    {
        var attempt = await db.Attempts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attemptId && a.UserId == userId && a.SubmittedUtc != null, ct);
        if (attempt is not null && AdaptiveService.SettingsOf(attempt)?.Mode == AdaptiveMode.Diagnostic)
        {
            await ReplanAsync(userId, attempt.CredentialId, PlanTriggers.Diagnostic, ["Diagnostic finished: reading and practice now start with your weakest, heaviest domains."], ct);
        }
    }

    /// <summary>A mock-exam domain below this share of right answers is called weak.</summary>
    public const double WeakDomainShare = 0.70;

    /// <summary>Scored items a domain needs in a mock exam before it is called weak.</summary>
    public const int WeakDomainMinimumItems = 3;

    /// <summary>The plan as stored (gzipped JSON).</summary>
    public static byte[] Encode(StudyPlan plan)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            JsonSerializer.Serialize(zip, plan, Json);
        }

        return buffer.ToArray();
    }

    public static StudyPlan Decode(byte[] data)
    {
        using var zip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<StudyPlan>(zip, Json) ?? throw new InvalidDataException("The stored study plan is empty.");
    }

    private StudyPlan Apply(PlanContext context, string trigger, IReadOnlyList<string> reasons, IReadOnlySet<(string, string, DateOnly)> frozen)
    {
        var result = Compute(context, trigger, reasons, frozen, time.GetUtcNow());
        Track(context, result);
        return Decode(result.Record.PlanData);
    }

    private void Track(PlanContext context, (StudyPlanRecord Record, List<StudyPlanDay> History, StudyPlanChange Change) result)
    {
        if (context.Stored is null)
        {
            db.StudyPlans.Add(result.Record);
        }
        else
        {
            db.StudyPlans.Update(result.Record);
        }

        db.StudyPlanDays.AddRange(result.History);
        db.StudyPlanChanges.Add(result.Change);
    }

    private static (StudyPlanRecord Record, List<StudyPlanDay> History, StudyPlanChange Change) Compute(
        PlanContext context, string trigger, IReadOnlyList<string> reasons, IReadOnlySet<(string, string, DateOnly)> frozen, DateTimeOffset now)
    {
        var (userId, credentialId) = (context.Enrolment.UserId, context.Enrolment.CredentialId);
        var previous = context.Stored is null ? null : Decode(context.Stored.PlanData);
        StudyPlan plan;
        IReadOnlyList<string> changes;
        if (previous is null)
        {
            plan = StudyPlanner.Plan(context.Request);
            changes = [.. reasons, FirstPlanSummary(context, plan)];
        }
        else
        {
            var done = context.Request.Modules.Where(m => m.IsRead).Select(m => $"read:{m.Id}")
                .Concat(previous.Days.SelectMany(d => d.Tasks).Where(t => t.Kind == PlanTaskKind.MockExam).Select(t => t.Id).Take(context.MocksSincePlan))
                .ToHashSet(StringComparer.Ordinal);
            (plan, changes) = StudyPlanner.Replan(previous, context.Request, done, reasons);
        }

        // Days that ended since the last plan are frozen as they were planned (planned-versus-done history).
        var history = previous is null
            ? []
            : previous.Days.Where(d => d.Date < context.Today && d.Date >= context.Today.AddDays(-FreezeDays) && !frozen.Contains((userId, credentialId, d.Date)))
                .Select(d => new StudyPlanDay { UserId = userId, CredentialId = credentialId, Date = d.Date, BudgetMinutes = d.BudgetMinutes, PlannedMinutes = d.PlannedMinutes, TasksJson = JsonSerializer.Serialize(d.Tasks, Json) })
                .ToList();
        var record = new StudyPlanRecord
        {
            UserId = userId,
            CredentialId = credentialId,
            Day = context.Today,
            ComputedUtc = now.UtcDateTime,
            Revision = (context.Stored?.Revision ?? 0) + 1,
            Fits = plan.Fits,
            ShortfallMinutes = plan.ShortfallMinutes,
            PlanData = Encode(plan),
        };
        var change = new StudyPlanChange { UserId = userId, CredentialId = credentialId, ChangedUtc = now.UtcDateTime, Trigger = trigger, ChangesJson = JsonSerializer.Serialize(changes, Json) };
        return (record, history, change);
    }

    private static string FirstPlanSummary(PlanContext context, StudyPlan plan)
    {
        var reads = plan.Days.SelectMany(d => d.Tasks).Count(t => t.Kind == PlanTaskKind.Read);
        var until = context.Request.ExamDate is { } exam ? $"to your exam on {exam:d MMMM yyyy}" : "for the coming week (no exam date set)";
        return $"Plan made {until}: {reads} module{(reads == 1 ? "" : "s")} to read, {plan.MockExamDates.Count} mock exam{(plan.MockExamDates.Count == 1 ? "" : "s")}, {context.WeeklyHours} hours a week.";
    }

    /// <summary>The learners among <paramref name="users"/> with an enrolment whose plan was made before their today, or that has none.</summary>
    private async Task<List<string>> DueAsync(IReadOnlyList<string> users, DateTimeOffset now, CancellationToken ct)
    {
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => users.Contains(e.UserId)).Select(e => new { e.UserId, e.CredentialId }).ToListAsync(ct);
        var plans = (await db.StudyPlans.AsNoTracking().Where(p => users.Contains(p.UserId)).Select(p => new { p.UserId, p.CredentialId, p.Day }).ToListAsync(ct))
            .ToDictionary(p => (p.UserId, p.CredentialId), p => p.Day);
        var calendars = await db.StudySettings.AsNoTracking().Where(s => users.Contains(s.UserId)).Select(s => new { s.UserId, s.TimeZone, s.DayStartMinutes })
            .ToDictionaryAsync(s => s.UserId, s => LearnerSchedule.CalendarOf(s.TimeZone, s.DayStartMinutes), StringComparer.Ordinal, ct);
        var defaults = new StudySettings { UserId = string.Empty };
        var fallback = LearnerSchedule.CalendarOf(defaults.TimeZone, defaults.DayStartMinutes);
        return [.. enrolments
            .Where(e => !plans.TryGetValue((e.UserId, e.CredentialId), out var day) || day < DateOnly.FromDayNumber(calendars.GetValueOrDefault(e.UserId, fallback).DayOf(now)))
            .Select(e => e.UserId)
            .Distinct(StringComparer.Ordinal)];
    }

    private async Task<IReadOnlySet<(string, string, DateOnly)>> FrozenDatesAsync(IReadOnlyList<string> users, CancellationToken ct)
    {
        // Only days that can still need freezing: a plan re-made within the last weeks starts after these.
        var since = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-FreezeDays - 2);
        return (await db.StudyPlanDays.AsNoTracking().Where(d => users.Contains(d.UserId) && d.Date >= since).Select(d => new { d.UserId, d.CredentialId, d.Date }).ToListAsync(ct))
            .Select(d => (d.UserId, d.CredentialId, d.Date)).ToHashSet();
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}

/// <summary>A stored plan with its decoded days.</summary>
public sealed record StoredPlan(StudyPlanRecord Record, StudyPlan Plan);

using CertPrep.Content.Model;
using CertPrep.Domain.Exams;
using CertPrep.Domain.Planning;
using CertPrep.Web.Attempts;
using CertPrep.Web.Data;
using CertPrep.Web.Enrolments;
using CertPrep.Web.Exams;
using CertPrep.Web.Library;
using CertPrep.Web.Reviews;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Planning;

/// <summary>One enrolment with everything its plan is made from.</summary>
public sealed record PlanContext(
    Enrolment Enrolment,
    Credential Credential,
    ExamForm Form,
    LearnerSchedule Schedule,
    DateOnly Today,
    PlanRequest Request,
    StudyPlanRecord? Stored,
    int WeeklyHours,
    bool WeeklyHoursSuggested,
    double CardShare,
    int MocksSincePlan);

/// <summary>
/// Loads what the planner needs for a batch of learners with a handful of queries (the nightly job plans thousands):
/// enrolments and settings, the credentials' modules and domains, modules read, the latest mastery snapshot, the
/// learner's median time per question, the review forecast, and mock exams taken. Credentials are cached for the
/// lifetime of the instance (one job run or one request).
/// </summary>
public sealed class PlanInputs(CertPrepDbContext db, TimeProvider time)
{
    /// <summary>Minutes per question before a learner has answered enough questions to have a median of their own.</summary>
    public const double DefaultMinutesPerQuestion = 1.5;

    /// <summary>Answers needed before the learner's own median is used.</summary>
    public const int MinimumTimedAnswers = 5;

    /// <summary>How far back answers count for the median time.</summary>
    public const int TimedAnswerDays = 60;

    /// <summary>Total study hours assumed when a credential does not state its recommendation.</summary>
    public const int DefaultRecommendedHours = 100;

    private readonly Dictionary<string, (Credential Credential, IReadOnlyList<ModuleRow> Modules)?> _credentials = new(StringComparer.Ordinal);

    /// <summary>The contexts of the learners' enrolments (only <paramref name="credentialId"/> when given).</summary>
    public async Task<IReadOnlyList<PlanContext>> LoadAsync(IReadOnlyList<string> users, string? credentialId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => users.Contains(e.UserId) && (credentialId == null || e.CredentialId == credentialId)).ToListAsync(ct);
        if (enrolments.Count == 0)
        {
            return [];
        }

        await LoadCredentialsAsync(enrolments.Select(e => e.CredentialId).Distinct(StringComparer.Ordinal), ct);
        var settings = await db.StudySettings.AsNoTracking().Where(s => users.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, StringComparer.Ordinal, ct);
        var examDates = enrolments.Where(e => e.ExamDate is not null).ToLookup(e => e.UserId, StringComparer.Ordinal);
        var schedules = users.ToDictionary(
            u => u,
            u => LearnerSchedule.For(settings.GetValueOrDefault(u) ?? new StudySettings { UserId = u }, examDates[u].ToDictionary(e => e.CredentialId, e => e.ExamDate!.Value, StringComparer.Ordinal)),
            StringComparer.Ordinal);

        var reads = (await db.ModuleReads.AsNoTracking().Where(r => users.Contains(r.UserId)).Select(r => new { r.UserId, r.ModuleId }).ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.ModuleId, StringComparer.Ordinal);
        var since = now.UtcDateTime.AddDays(-TimedAnswerDays);
        var times = (await db.AttemptItems.AsNoTracking()
                .Where(i => i.AnsweredUtc >= since && i.TimeSpentMs > 0)
                .Join(db.Attempts.Where(a => users.Contains(a.UserId)), i => i.AttemptId, a => a.Id, (i, a) => new { a.UserId, i.TimeSpentMs })
                .ToListAsync(ct))
            .ToLookup(t => t.UserId, t => t.TimeSpentMs, StringComparer.Ordinal);
        var oldestToday = schedules.Values.Min(s => s.Calendar.DayOf(now)) - 1;
        var forecasts = (await db.ReviewDays.AsNoTracking().Where(d => users.Contains(d.UserId) && d.Day >= oldestToday).Select(d => new { d.UserId, d.Day, d.ForecastJson }).ToListAsync(ct))
            .GroupBy(d => d.UserId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ForecastView.Read(g.MaxBy(d => d.Day)!.ForecastJson), StringComparer.Ordinal);
        var cards = (await db.ReviewCards.AsNoTracking().Where(c => users.Contains(c.UserId)).GroupBy(c => new { c.UserId, c.CredentialId }).Select(g => new { g.Key.UserId, g.Key.CredentialId, Count = g.Count() }).ToListAsync(ct))
            .ToLookup(c => c.UserId, StringComparer.Ordinal);
        var recent = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-14);
        var snapshots = (await db.MasterySnapshots.AsNoTracking().Where(s => users.Contains(s.UserId) && s.Day >= recent).ToListAsync(ct))
            .GroupBy(s => (s.UserId, s.CredentialId))
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.Day)!.Read());
        var mocks = (await db.Attempts.AsNoTracking().Where(a => users.Contains(a.UserId) && a.Kind == AttemptKind.Exam && a.SubmittedUtc != null)
                .Select(a => new { a.UserId, a.CredentialId, a.SubmittedUtc }).ToListAsync(ct))
            .ToLookup(a => (a.UserId, a.CredentialId), a => a.SubmittedUtc!.Value);
        var stored = (await db.StudyPlans.AsNoTracking().Where(p => users.Contains(p.UserId) && (credentialId == null || p.CredentialId == credentialId)).ToListAsync(ct))
            .ToDictionary(p => (p.UserId, p.CredentialId));

        var contexts = new List<PlanContext>(enrolments.Count);
        foreach (var enrolment in enrolments)
        {
            if (_credentials[enrolment.CredentialId] is not { } library)
            {
                continue; // retired or not imported: nothing to plan
            }

            var schedule = schedules[enrolment.UserId];
            var today = DateOnly.FromDayNumber(schedule.Calendar.DayOf(now));
            var form = ExamForms.FormOf(library.Credential, enrolment.FormId);
            var minutesPerQuestion = MinutesPerQuestion(times[enrolment.UserId]);
            var read = reads[enrolment.UserId].ToHashSet(StringComparer.Ordinal);
            var mastery = snapshots.GetValueOrDefault((enrolment.UserId, enrolment.CredentialId));
            var userCards = cards[enrolment.UserId].ToList();
            var cardShare = userCards.Sum(c => c.Count) is > 0 and var all ? userCards.Where(c => c.CredentialId == enrolment.CredentialId).Sum(c => c.Count) / (double)all : 0;
            var reviewMinutes = ReviewMinutes(forecasts.GetValueOrDefault(enrolment.UserId)?.Days ?? [], cardShare, minutesPerQuestion);
            var examDate = enrolment.ExamDate is { } date && date > today ? date : (DateOnly?)null;
            var suggested = StudyPlanner.SuggestedWeeklyHours(library.Credential.RecommendedStudyHours ?? DefaultRecommendedHours, today, examDate, EnrolmentService.MaxWeeklyHours);
            var weeklyHours = enrolment.WeeklyHours ?? suggested;
            var blueprint = ExamForms.Blueprint(library.Credential, form);
            var request = new PlanRequest(
                today,
                examDate,
                weeklyHours * 60,
                StudyDaysOf(enrolment.StudyDays),
                d => schedule.EasyDays.Capacity(d.DayNumber),
                Modules(library.Credential, library.Modules, read),
                [.. library.Credential.Domains.Select(d => new PlanDomain(d.Id, d.Name, d.Weight.Fraction(form.ScoredItems.Value), mastery is not null && mastery.TryGetValue(d.Id, out var m) ? m : null))],
                minutesPerQuestion,
                reviewMinutes,
                (blueprint.PlanFor(FormLength.Full).Minutes, blueprint.PlanFor(FormLength.Half).Minutes),
                mocks[(enrolment.UserId, enrolment.CredentialId)].Count(s => s >= enrolment.EnrolledUtc),
                enrolment.LighterPlan == true);
            var previous = stored.GetValueOrDefault((enrolment.UserId, enrolment.CredentialId));
            var mocksSincePlan = previous is null ? 0 : mocks[(enrolment.UserId, enrolment.CredentialId)].Count(s => s >= previous.ComputedUtc);
            contexts.Add(new PlanContext(enrolment, library.Credential, form, schedule, today, request, previous, weeklyHours, enrolment.WeeklyHours is null, cardShare, mocksSincePlan));
        }

        return contexts;
    }

    /// <summary>Review minutes per date: the forecast's reviews, this enrolment's share of the cards, at the learner's pace.</summary>
    public static IReadOnlyDictionary<DateOnly, int> ReviewMinutes(IEnumerable<Domain.Scheduling.ForecastDay> forecast, double cardShare, double minutesPerQuestion) =>
        forecast.Where(d => d.Reviews > 0 && cardShare > 0)
            .ToDictionary(d => DateOnly.FromDayNumber(d.Day), d => (int)Math.Ceiling(d.Reviews * cardShare * minutesPerQuestion));

    /// <summary>The days a learner studies, from the stored letters (one per day from Sunday); every day when unset.</summary>
    public static IReadOnlySet<DayOfWeek> StudyDaysOf(string? letters) =>
        letters is { Length: 7 } && letters.Contains('1', StringComparison.Ordinal)
            ? Enum.GetValues<DayOfWeek>().Where(d => letters[(int)d] == '1').ToHashSet()
            : Enum.GetValues<DayOfWeek>().ToHashSet();

    /// <summary>The stored letters for a set of study days.</summary>
    public static string FormatStudyDays(IEnumerable<DayOfWeek> days)
    {
        var set = days.ToHashSet();
        return string.Concat(Enum.GetValues<DayOfWeek>().Select(d => set.Contains(d) ? '1' : '0'));
    }

    /// <summary>The median of the learner's recent answer times in minutes, within sensible bounds.</summary>
    public static double MinutesPerQuestion(IEnumerable<int> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length < MinimumTimedAnswers)
        {
            return DefaultMinutesPerQuestion;
        }

        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2.0;
        return Math.Clamp(median / 60000.0, 0.25, 10);
    }

    private static List<PlanModule> Modules(Credential credential, IReadOnlyList<ModuleRow> modules, HashSet<string> read)
    {
        // A module practises the first domain it teaches; it requires the modules of the domains its domain requires.
        var byDomain = modules.GroupBy(m => m.Domain, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(m => m.Id).ToList(), StringComparer.Ordinal);
        return [.. modules.Select(m => new PlanModule(
            m.Id,
            m.Title,
            m.Domain,
            m.ReadingMinutes,
            [.. (credential.Domain(m.Domain)?.Requires ?? []).SelectMany(d => byDomain.GetValueOrDefault(d) ?? []).Where(id => id != m.Id)],
            read.Contains(m.Id)))];
    }

    private async Task LoadCredentialsAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var missing = ids.Where(id => !_credentials.ContainsKey(id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var definitions = await db.Credentials.AsNoTracking().Where(c => missing.Contains(c.Id) && !c.IsRetired).ToDictionaryAsync(c => c.Id, c => LibraryJson.Read<Credential>(c.DefinitionJson), ct);
        var modules = (await db.Modules.AsNoTracking().Where(m => missing.Contains(m.CredentialId) && !m.IsRetired).OrderBy(m => m.Order)
                .Select(m => new { m.Id, m.CredentialId, m.Title, m.ReadingMinutes, m.MetadataJson }).ToListAsync(ct))
            .ToLookup(m => m.CredentialId, StringComparer.Ordinal);
        foreach (var id in missing)
        {
            _credentials[id] = definitions.TryGetValue(id, out var credential)
                ? (credential, [.. modules[id].Select(m => new ModuleRow(m.Id, m.Title, LibraryJson.Read<ModuleMetadata>(m.MetadataJson).Domains.FirstOrDefault() ?? credential.Domains[0].Id, m.ReadingMinutes))])
                : null;
        }
    }

    private sealed record ModuleRow(string Id, string Title, string Domain, int ReadingMinutes);
}

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CertPrep.Domain.Planning;
using CertPrep.Domain.Scheduling;
using CertPrep.Web.Data;
using CertPrep.Web.Enrolments;
using CertPrep.Web.Jobs;
using CertPrep.Web.Reviews;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Planning;

/// <summary>The plan's set-up form: per enrolment (exam date, hours, study days, study time) and per learner (time zone, easy days).</summary>
public sealed class PlanSettingsInput
{
    [DataType(DataType.Date)]
    [Display(Name = "Exam date")]
    public DateOnly? ExamDate { get; set; }

    [Range(1, EnrolmentService.MaxWeeklyHours, ErrorMessage = "Weekly study hours must be between 1 and 80.")]
    [Display(Name = "Study hours per week")]
    public int? WeeklyHours { get; set; }

    public bool[] StudyDays { get; set; } = [true, true, true, true, true, true, true];

    public EasyDayLevel[] EasyDays { get; set; } = new EasyDayLevel[7];

    [Required(ErrorMessage = "Choose a time zone.")]
    [Display(Name = "Time zone")]
    public string? TimeZone { get; set; } = "UTC";

    [DataType(DataType.Time)]
    [Display(Name = "Usual study time")]
    public TimeOnly StudyStart { get; set; } = CalendarFeeds.DefaultStart;

    [Display(Name = "Lighter plan: 5 practice questions after each module instead of 10, no half-length mock exams")]
    public bool LighterPlan { get; set; }
}

/// <summary>Reads and saves the plan's set-up, and re-plans at once with the changes as the reasons.</summary>
public sealed class PlanSettings(CertPrepDbContext db, PlanService plans, IBackgroundJobs jobs, TimeProvider time)
{
    public async Task<PlanSettingsInput?> LoadAsync(string userId, string credentialId, CancellationToken ct)
    {
        var enrolment = await db.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == userId && e.CredentialId == credentialId, ct);
        if (enrolment is null)
        {
            return null;
        }

        var settings = await db.StudySettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, ct) ?? new StudySettings { UserId = userId };
        var days = PlanInputs.StudyDaysOf(enrolment.StudyDays);
        var easy = LearnerSchedule.ParseEasyDays(settings.EasyDays);
        return new PlanSettingsInput
        {
            ExamDate = enrolment.ExamDate,
            WeeklyHours = enrolment.WeeklyHours,
            StudyDays = [.. Enum.GetValues<DayOfWeek>().Select(days.Contains)],
            EasyDays = [.. Enum.GetValues<DayOfWeek>().Select(d => easy[d])],
            TimeZone = settings.TimeZone,
            StudyStart = enrolment.StudyStartMinutes is { } m ? TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(m)) : CalendarFeeds.DefaultStart,
            LighterPlan = enrolment.LighterPlan == true,
        };
    }

    /// <summary>Saves and re-plans. Returns the error for the field that cannot be used, or null.</summary>
    public async Task<(string? Field, string? Error)> SaveAsync(string userId, string credentialId, PlanSettingsInput input, CancellationToken ct)
    {
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.UserId == userId && e.CredentialId == credentialId, ct);
        if (enrolment is null)
        {
            return (null, "You are not enrolled in this credential.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(input.TimeZone ?? string.Empty, out _))
        {
            return ("TimeZone", "Choose a time zone from the list.");
        }

        if (!input.StudyDays.Take(7).Any(d => d))
        {
            return ("StudyDays", "Choose at least one study day.");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (input.ExamDate is { } date && (date < today || date > today.AddYears(3)))
        {
            return ("ExamDate", "The exam date must be today or later, and within three years.");
        }

        var settings = await db.StudySettings.SingleOrDefaultAsync(s => s.UserId == userId, ct);
        if (settings is null)
        {
            settings = new StudySettings { UserId = userId };
            db.StudySettings.Add(settings);
        }

        var reasons = new List<string>();
        var studyDays = PlanInputs.FormatStudyDays(Enum.GetValues<DayOfWeek>().Where(d => (int)d < input.StudyDays.Length && input.StudyDays[(int)d]));
        var easy = Domain.Scheduling.EasyDays.AllNormal;
        for (var i = 0; i < 7 && i < input.EasyDays.Length; i++)
        {
            easy = easy.With((DayOfWeek)i, Enum.IsDefined(input.EasyDays[i]) ? input.EasyDays[i] : EasyDayLevel.Normal);
        }

        var easyLetters = LearnerSchedule.FormatEasyDays(easy);
        if (enrolment.WeeklyHours != input.WeeklyHours)
        {
            reasons.Add(input.WeeklyHours is { } hours
                ? $"Weekly study hours changed from {(enrolment.WeeklyHours is { } old ? old.ToString(CultureInfo.InvariantCulture) : "the suggestion")} to {hours}."
                : "Weekly study hours now follow the suggestion from the credential's recommended total.");
        }

        if (enrolment.ExamDate != input.ExamDate)
        {
            reasons.Add(input.ExamDate is { } exam ? $"Exam date set to {exam:d MMMM yyyy}." : "Exam date removed: a rolling weekly plan.");
        }

        if ((enrolment.StudyDays ?? "1111111") != studyDays)
        {
            reasons.Add($"Study days changed to {string.Join(", ", PlanInputs.StudyDaysOf(studyDays).OrderBy(d => ((int)d + 6) % 7).Select(d => d.ToString()[..3]))}.");
        }

        if (settings.EasyDays != easyLetters)
        {
            reasons.Add("Easy days changed.");
        }

        if ((enrolment.LighterPlan == true) != input.LighterPlan)
        {
            reasons.Add(input.LighterPlan ? "Lighter plan chosen: 5 practice questions after each module, no half-length mock exams." : "Full plan again: 10 practice questions after each module and the half-length mock exams.");
        }

        var reviewsChange = settings.EasyDays != easyLetters || settings.TimeZone != input.TimeZone || enrolment.ExamDate != input.ExamDate;
        if (settings.TimeZone != input.TimeZone)
        {
            reasons.Add($"Time zone changed to {input.TimeZone}.");
        }

        enrolment.WeeklyHours = input.WeeklyHours;
        enrolment.ExamDate = input.ExamDate;
        enrolment.StudyDays = studyDays;
        enrolment.StudyStartMinutes = (int)input.StudyStart.ToTimeSpan().TotalMinutes;
        enrolment.LighterPlan = input.LighterPlan;
        settings.EasyDays = easyLetters;
        settings.TimeZone = input.TimeZone!;
        settings.UpdatedUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        if (reviewsChange)
        {
            // Reviews are planned against the same exam date, zone and easy days.
            await jobs.EnqueueAsync<ReplanLearnerJob>(new Dictionary<string, string> { ["userId"] = userId }, ct);
        }

        await plans.ReplanAsync(userId, credentialId, PlanTriggers.Settings, reasons.Count == 0 ? ["Settings saved without changes."] : reasons, ct);
        return (null, null);
    }

    /// <summary>
    /// Applies one of the choices the current plan offers because it does not fit (more hours a week, the lighter plan,
    /// a later exam date), then re-plans. The values come from the stored plan, not from the request. Returns an error
    /// when the plan offers no such choice any more.
    /// </summary>
    public async Task<string?> ApplyOptionAsync(string userId, string credentialId, PlanOptionKind kind, CancellationToken ct)
    {
        var stored = await plans.CurrentAsync(userId, credentialId, ct);
        var option = stored?.Plan.Options.FirstOrDefault(o => o.Kind == kind && kind != PlanOptionKind.StudyDayForMock);
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.UserId == userId && e.CredentialId == credentialId, ct);
        if (option is null || enrolment is null)
        {
            return "The plan does not offer that choice any more.";
        }

        switch (kind)
        {
            case PlanOptionKind.MoreHours:
                enrolment.WeeklyHours = option.WeeklyHours;
                break;
            case PlanOptionKind.Lighter:
                enrolment.LighterPlan = true;
                break;
            case PlanOptionKind.LaterExam:
                enrolment.ExamDate = option.ExamDate;
                break;
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        if (kind == PlanOptionKind.LaterExam)
        {
            await jobs.EnqueueAsync<ReplanLearnerJob>(new Dictionary<string, string> { ["userId"] = userId }, ct);
        }

        await plans.ReplanAsync(userId, credentialId, PlanTriggers.Settings, [$"You chose: {option.Text}."], ct);
        return null;
    }

    /// <summary>The weekly hours suggested for an exam date (the credential's recommended total spread over the weeks left).</summary>
    public static int Suggested(int? recommendedHours, DateOnly today, DateOnly? examDate) =>
        StudyPlanner.SuggestedWeeklyHours(recommendedHours ?? PlanInputs.DefaultRecommendedHours, today, examDate, EnrolmentService.MaxWeeklyHours);
}

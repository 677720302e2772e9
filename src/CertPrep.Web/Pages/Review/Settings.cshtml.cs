using System.ComponentModel.DataAnnotations;
using CertPrep.Domain.Scheduling;
using CertPrep.Web.Accounts;
using CertPrep.Web.Data;
using CertPrep.Web.Jobs;
using CertPrep.Web.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Pages.Review;

public sealed class SettingsModel(CertPrepDbContext db, IBackgroundJobs jobs, TimeProvider time) : PageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public static IReadOnlyList<TimeZoneInfo> Zones { get; } = [.. TimeZoneInfo.GetSystemTimeZones().OrderBy(z => z.BaseUtcOffset).ThenBy(z => z.Id, StringComparer.Ordinal)];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await db.StudySettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == User.UserId(), ct) ?? new StudySettings { UserId = User.UserId() };
        Input = SettingsInput.From(settings);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(Input.TimeZone ?? string.Empty, out _))
        {
            ModelState.AddModelError("Input.TimeZone", "Choose a time zone from the list.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var userId = User.UserId();
        var settings = await db.StudySettings.SingleOrDefaultAsync(s => s.UserId == userId, ct);
        if (settings is null)
        {
            settings = new StudySettings { UserId = userId };
            db.StudySettings.Add(settings);
        }

        Input.ApplyTo(settings);
        settings.UpdatedUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        // Re-planning every card can take a moment: a background job does it, the page does not wait.
        await jobs.EnqueueAsync<ReplanLearnerJob>(new Dictionary<string, string> { ["userId"] = userId }, ct);
        TempData["Status"] = "Saved. Your reviews are being re-planned with these settings.";
        return RedirectToPage();
    }
}

public sealed class SettingsInput
{
    [Range(70, 97, ErrorMessage = "Desired retention is between 70% and 97%.")]
    [Display(Name = "Desired retention (%)")]
    public int DesiredRetentionPercent { get; set; } = 90;

    [Range(70, 99, ErrorMessage = "The exam-day target is between 70% and 99%.")]
    [Display(Name = "Exam-day target (%)")]
    public int ExamTargetPercent { get; set; } = 90;

    [Range(0, 500, ErrorMessage = "New cards per day are between 0 and 500.")]
    [Display(Name = "New cards per day")]
    public int NewPerDay { get; set; } = StudySettings.DefaultNewPerDay;

    [Range(1, 5000, ErrorMessage = "Reviews per day are between 1 and 5,000.")]
    [Display(Name = "Reviews per day")]
    public int ReviewsPerDay { get; set; } = StudySettings.DefaultReviewsPerDay;

    [Required(ErrorMessage = "Choose a time zone.")]
    [Display(Name = "Time zone")]
    public string? TimeZone { get; set; } = "UTC";

    [Range(0, 23, ErrorMessage = "The day starts at an hour from 0 to 23.")]
    [Display(Name = "Your day starts at (hour)")]
    public int DayStartHour { get; set; } = 4;

    public EasyDayLevel[] EasyDays { get; set; } = new EasyDayLevel[7];

    public static SettingsInput From(StudySettings s)
    {
        var easy = LearnerSchedule.ParseEasyDays(s.EasyDays);
        return new SettingsInput
        {
            DesiredRetentionPercent = (int)Math.Round(s.DesiredRetention * 100),
            ExamTargetPercent = (int)Math.Round(s.ExamTarget * 100),
            NewPerDay = s.NewPerDay,
            ReviewsPerDay = s.ReviewsPerDay,
            TimeZone = s.TimeZone,
            DayStartHour = s.DayStartMinutes / 60,
            EasyDays = [.. Enumerable.Range(0, 7).Select(i => easy[(DayOfWeek)i])],
        };
    }

    public void ApplyTo(StudySettings s)
    {
        s.DesiredRetention = DesiredRetentionPercent / 100.0;
        s.ExamTarget = ExamTargetPercent / 100.0;
        s.NewPerDay = NewPerDay;
        s.ReviewsPerDay = ReviewsPerDay;
        s.TimeZone = TimeZone ?? "UTC";
        s.DayStartMinutes = DayStartHour * 60;
        var easy = Domain.Scheduling.EasyDays.AllNormal;
        for (var i = 0; i < 7 && i < EasyDays.Length; i++)
        {
            easy = easy.With((DayOfWeek)i, Enum.IsDefined(EasyDays[i]) ? EasyDays[i] : EasyDayLevel.Normal);
        }

        s.EasyDays = LearnerSchedule.FormatEasyDays(easy);
    }
}

using CertPrep.Web.Accounts;
using CertPrep.Web.Enrolments;
using CertPrep.Web.Exams;
using CertPrep.Web.Practice;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Dashboard;

public sealed class IndexModel(UserManager<ApplicationUser> users, EnrolmentService enrolments, PracticeService practice, ExamReports exams, Planning.PlanViews plans) : PageModel
{
    public string Name { get; private set; } = "";

    public DateTime MemberSinceUtc { get; private set; }

    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public IReadOnlyList<EnrolmentView> Enrolments { get; private set; } = [];

    public IReadOnlyList<Attempts.Attempt> RecentPractice { get; private set; } = [];

    /// <summary>Today's plan per enrolment, for the reminders ("3 tasks left today").</summary>
    public IReadOnlyDictionary<string, Planning.TodayPlan> Today { get; private set; } = new Dictionary<string, Planning.TodayPlan>();

    public IReadOnlyList<ExamHistoryEntry> RecentExams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName;
        MemberSinceUtc = user.CreatedUtc;
        RoleNames = [.. await users.GetRolesAsync(user)];
        Enrolments = await enrolments.ForUserAsync(user.Id, ct);
        RecentPractice = await practice.RecentAsync(user.Id, 5, ct);
        Today = (await plans.TodayAsync(user.Id, ct)).ToDictionary(p => p.Enrolment.Credential.Id, StringComparer.Ordinal);
        RecentExams = [.. (await exams.HistoryAsync(user.Id, ct)).Entries.Reverse().Take(5)];
        return Page();
    }
}

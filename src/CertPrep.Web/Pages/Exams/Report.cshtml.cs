using CertPrep.Web.Accounts;
using CertPrep.Web.Exams;
using CertPrep.Web.Practice;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Exams;

public sealed class ReportModel(ExamReports reports, ExamService exams, PracticeService practice) : PageModel
{
    public ExamReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var report = await reports.ReportAsync(User.UserId(), id, ct);
        if (report is null)
        {
            // An exam still running has no report yet: back to it (it submits itself there if time is up).
            return await exams.IsSubmittedAsync(User.UserId(), id, ct) == false ? RedirectToPage("/Exams/Take", new { id }) : NotFound();
        }

        Report = report;
        return Page();
    }

    public async Task<IActionResult> OnPostRedoAsync(long id, CancellationToken ct)
    {
        var missed = await reports.MissedAsync(User.UserId(), id, ct);
        if (missed is not { } m)
        {
            return NotFound();
        }

        var result = await practice.FromQuestionsAsync(User.UserId(), m.CredentialId, m.QuestionIds, "Redo the questions I missed", ct);
        if (result.AttemptId is { } quiz)
        {
            return RedirectToPage("/Practice/Quiz", new { id = quiz });
        }

        TempData["Status"] = result.Error;
        return RedirectToPage(new { id });
    }
}

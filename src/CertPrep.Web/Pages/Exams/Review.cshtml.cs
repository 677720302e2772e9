using CertPrep.Web.Accounts;
using CertPrep.Web.Exams;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Exams;

/// <summary>The review grid before submitting: what is answered, unanswered and flagged.</summary>
public sealed class ReviewModel(ExamService exams) : PageModel
{
    public ExamSession Session { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var session = await exams.OpenAsync(User.UserId(), id, 0, ct, reviewing: true);
        if (session is null)
        {
            return NotFound();
        }

        if (session.Expired || session.Attempt.SubmittedUtc is not null)
        {
            TempData["Status"] = session.Expired ? "Time is up: your exam was submitted with the answers you had saved." : "This exam has been submitted.";
            return RedirectToPage("/Exams/Report", new { id });
        }

        Session = session;
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(long id, CancellationToken ct) =>
        await exams.SubmitAsync(User.UserId(), id, automatic: false, ct) ? RedirectToPage("/Exams/Report", new { id }) : NotFound();
}

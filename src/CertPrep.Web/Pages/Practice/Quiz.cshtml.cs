using CertPrep.Domain.Practice;
using CertPrep.Web.Accounts;
using CertPrep.Web.Attempts;
using CertPrep.Web.Exams;
using CertPrep.Web.Practice;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Practice;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.RateLimits.Answers)]
public sealed class QuizModel(PracticeService practice, ItemPresenter presenter, Planning.PlanService plans) : PageModel
{
    public PracticeSession Session { get; private set; } = null!;

    public ItemView Item { get; private set; } = null!;

    public string? Error { get; private set; }

    public int Answered => Session.Items.Count(i => i.IsAnswered);

    public async Task<IActionResult> OnGetAsync(long id, int? q, CancellationToken ct) =>
        await ShowAsync(id, q, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(long id, int position, int[] choice, string? numeric, Confidence? confidence, CancellationToken ct)
    {
        var result = await practice.AnswerAsync(User.UserId(), id, new AnswerInput(position, choice, numeric, null), confidence, ct);
        switch (result.Status)
        {
            case SaveStatus.NotFound:
                return NotFound();
            case SaveStatus.Invalid:
                Error = result.Message;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return await ShowAsync(id, position, ct) ? Page() : NotFound();
            default:
                if (result.Message is not null)
                {
                    TempData["Status"] = result.Message;
                }

                return RedirectToPage(new { id, q = position });
        }
    }

    public async Task<IActionResult> OnPostReasonAsync(long id, int position, MissReason reason, CancellationToken ct)
    {
        if (await practice.SetMissReasonAsync(User.UserId(), id, position, reason, ct))
        {
            TempData["Status"] = "Thanks: the reason is saved with your answer.";
        }

        return RedirectToPage(new { id, q = position });
    }

    public async Task<IActionResult> OnPostMarkAsync(long id, int position, bool? flagged, string? note, CancellationToken ct)
    {
        if (!await practice.SetMarkAsync(User.UserId(), id, position, flagged, note, ct))
        {
            return NotFound();
        }

        TempData["Status"] = flagged is { } f ? (f ? "Question flagged." : "Flag removed.") : "Note saved.";
        return RedirectToPage(new { id, q = position });
    }

    public async Task<IActionResult> OnPostReportAsync(long id, int position, string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Error = "Describe the problem in a few words.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(id, position, ct) ? Page() : NotFound();
        }

        if (!await practice.ReportProblemAsync(User.UserId(), id, position, text, ct))
        {
            return NotFound();
        }

        TempData["Status"] = "Thank you. The report has gone to the authors.";
        return RedirectToPage(new { id, q = position });
    }

    public async Task<IActionResult> OnPostFinishAsync(long id, CancellationToken ct)
    {
        if (!await practice.FinishAsync(User.UserId(), id, ct))
        {
            return NotFound();
        }

        await plans.ReplanAfterDiagnosticAsync(User.UserId(), id, ct); // a diagnostic re-orders the study plan
        return RedirectToPage("/Practice/Summary", new { id });
    }

    private async Task<bool> ShowAsync(long id, int? position, CancellationToken ct)
    {
        var session = await practice.OpenAsync(User.UserId(), id, position, ct);
        if (session is null || session.Items.Count == 0)
        {
            return false;
        }

        Session = session;
        var current = session.Current;
        Item = (await presenter.PresentAsync([current], reveal: current.IsAnswered, ct))[0];
        return true;
    }
}

using CertPrep.Web.Accounts;
using CertPrep.Web.Attempts;
using CertPrep.Web.Exams;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Exams;

/// <summary>
/// One exam question at a time. Answers are saved when chosen (script) or when moving on (no script); the page
/// never carries the key. The same handler answers both: JSON for the script, a redirect for a plain form post.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.RateLimits.Answers)]
public sealed class TakeModel(ExamService exams, ItemPresenter presenter) : PageModel
{
    public ExamSession Session { get; private set; } = null!;

    public ItemView Item { get; private set; } = null!;

    public int Position { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, int? q, CancellationToken ct) => await ShowAsync(id, q ?? 0, ct);

    public async Task<IActionResult> OnPostSaveAsync(long id, SaveForm form, CancellationToken ct)
    {
        var wantsJson = Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
        var hasAnswer = form.Choice.Length > 0 || !string.IsNullOrWhiteSpace(form.Numeric);
        SaveResult result;
        if (hasAnswer || form.Clear)
        {
            result = await exams.SaveAsync(User.UserId(), id, new AnswerInput(form.Position, form.Choice, form.Numeric, form.Revision, form.Clear, form.Flagged), ct);
        }
        else if (form.Flagged is { } flagged)
        {
            result = await exams.SetFlagAsync(User.UserId(), id, form.Position, flagged, ct) ? SaveResult.Saved(form.Revision ?? 0, true, null) : SaveResult.NotFound;
        }
        else
        {
            result = SaveResult.Saved(form.Revision ?? 0, false, null);
        }

        if (result.Status == SaveStatus.NotFound)
        {
            // Also what a submitted exam's item looks like to SetFlag: tell the two apart for the learner.
            return await ClosedOrNotFoundAsync(id, wantsJson, ct);
        }

        if (wantsJson)
        {
            return result.Status switch
            {
                SaveStatus.Saved => new JsonResult(new { saved = true, position = form.Position, revision = result.Revision, changed = result.Changed, message = result.Message }),
                SaveStatus.Invalid => new JsonResult(new { saved = false, position = form.Position, message = result.Message }) { StatusCode = StatusCodes.Status422UnprocessableEntity },
                _ => new JsonResult(new { saved = false, position = form.Position, message = result.Message, redirect = Url.Page("/Exams/Report", new { id }) }) { StatusCode = StatusCodes.Status409Conflict },
            };
        }

        switch (result.Status)
        {
            case SaveStatus.Closed:
                TempData["Status"] = result.Message;
                return RedirectToPage("/Exams/Report", new { id });
            case SaveStatus.Invalid:
                Error = result.Message;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return await ShowAsync(id, form.Position, ct);
        }

        if (result.Message is not null)
        {
            TempData["Status"] = result.Message;
        }

        return form.Navigate switch
        {
            "review" => RedirectToPage("/Exams/Review", new { id }),
            "previous" => RedirectToPage(new { id, q = form.Position - 1 }),
            "next" => RedirectToPage(new { id, q = form.Position + 1 }),
            _ => RedirectToPage(new { id, q = form.Position }),
        };
    }

    private async Task<IActionResult> ShowAsync(long id, int position, CancellationToken ct)
    {
        var session = await exams.OpenAsync(User.UserId(), id, position, ct);
        if (session is null)
        {
            return NotFound();
        }

        if (session.Expired || session.Attempt.SubmittedUtc is not null)
        {
            TempData["Status"] = session.Expired ? "Time is up: your exam was submitted with the answers you had saved." : "This exam has been submitted.";
            return RedirectToPage("/Exams/Report", new { id });
        }

        if (session.Items.Count == 0)
        {
            return NotFound();
        }

        Session = session;
        Position = session.Position;
        Item = (await presenter.PresentAsync([session.Items[Position - 1]], reveal: false, ct))[0];
        return Page();
    }

    private async Task<IActionResult> ClosedOrNotFoundAsync(long id, bool wantsJson, CancellationToken ct)
    {
        if (await exams.IsSubmittedAsync(User.UserId(), id, ct) != true)
        {
            return NotFound();
        }

        const string message = "This exam has been submitted; answers can no longer change.";
        if (wantsJson)
        {
            return new JsonResult(new { saved = false, message, redirect = Url.Page("/Exams/Report", new { id }) }) { StatusCode = StatusCodes.Status409Conflict };
        }

        TempData["Status"] = message;
        return RedirectToPage("/Exams/Report", new { id });
    }

    public sealed class SaveForm
    {
        public int Position { get; set; }

        public int[] Choice { get; set; } = [];

        public string? Numeric { get; set; }

        public int? Revision { get; set; }

        public bool? Flagged { get; set; }

        public bool Clear { get; set; }

        public string? Navigate { get; set; }
    }
}

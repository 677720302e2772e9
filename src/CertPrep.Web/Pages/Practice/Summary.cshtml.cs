using CertPrep.Web.Accounts;
using CertPrep.Web.Attempts;
using CertPrep.Web.Practice;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Practice;

public sealed class SummaryModel(PracticeService practice, QuestionPool pool) : PageModel
{
    public PracticeSession Session { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> DomainNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var session = await practice.OpenAsync(User.UserId(), id, 1, ct);
        if (session is null)
        {
            return NotFound();
        }

        Session = session;
        var credential = await pool.CredentialAsync(session.Attempt.CredentialId, ct);
        DomainNames = credential?.Domains.ToDictionary(d => d.Id, d => d.Name) ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostRedoAsync(long id, CancellationToken ct)
    {
        var session = await practice.OpenAsync(User.UserId(), id, 1, ct);
        if (session is null)
        {
            return NotFound();
        }

        var missed = session.Items.Where(i => i.IsCorrect != true).Select(i => i.QuestionId).ToList();
        var result = await practice.FromQuestionsAsync(User.UserId(), session.Attempt.CredentialId, missed, $"Redo: {session.Attempt.Title}", ct);
        if (result.AttemptId is { } newId)
        {
            return RedirectToPage("/Practice/Quiz", new { id = newId });
        }

        TempData["Status"] = result.Error;
        return RedirectToPage(new { id });
    }
}

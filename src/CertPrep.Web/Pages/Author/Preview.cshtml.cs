using CertPrep.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Author;

public sealed class PreviewModel(AuthorQueries author) : PageModel
{
    public QuestionPreview Question { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, int? version, CancellationToken ct)
    {
        var question = await author.PreviewAsync(id, version, ct);
        if (question is null)
        {
            return NotFound();
        }

        Question = question;
        return Page();
    }
}

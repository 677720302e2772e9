using CertPrep.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Author;

public sealed class QuestionsModel(AuthorQueries author) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public IReadOnlyList<QuestionListItem> Questions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Questions = await author.QuestionsAsync(Search, ct);
}

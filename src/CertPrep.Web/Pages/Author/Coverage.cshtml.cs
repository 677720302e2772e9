using CertPrep.Web.Library;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Author;

public sealed class CoverageModel(AuthorQueries author) : PageModel
{
    public IReadOnlyList<CredentialCoverage> Credentials { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Credentials = await author.CoverageAsync(ct);
}

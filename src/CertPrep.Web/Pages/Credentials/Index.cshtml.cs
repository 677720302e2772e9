using CertPrep.Web.Library;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Credentials;

public sealed class IndexModel(LibraryQueries library) : PageModel
{
    public IReadOnlyList<CredentialSummary> Credentials { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Credentials = await library.CatalogAsync(ct);
}

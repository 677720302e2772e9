using CertPrep.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Glossary;

public sealed class IndexModel(LibraryQueries library) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "credential")]
    public string? Credential { get; set; }

    public IReadOnlyList<GlossaryEntry> Terms { get; private set; } = [];

    public IReadOnlyList<string> CredentialIds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Terms = await library.GlossaryAsync(Search, Credential, ct);
        CredentialIds = await library.CredentialIdsAsync(ct);
    }
}

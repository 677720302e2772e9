using CertPrep.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Credentials;

public sealed class DetailsModel(LibraryQueries library) : PageModel
{
    public CredentialPage Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var data = await library.CredentialAsync(id, ct);
        if (data is null)
        {
            return NotFound();
        }

        Data = data;
        return Page();
    }
}

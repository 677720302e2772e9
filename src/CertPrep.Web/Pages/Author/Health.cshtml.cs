using CertPrep.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Author;

public sealed class HealthModel(AuthorQueries author, ContentImporter importer) : PageModel
{
    public ContentHealth Health { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Health = await author.HealthAsync(ct);

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var import = await importer.ImportAsync("author", ct);
        TempData["Status"] = $"Imported: {import.Added} added, {import.NewVersions} changed, {import.Retired} retired, {import.Unchanged} unchanged; {import.Errors} error(s), {import.Warnings} warning(s).";
        return RedirectToPage();
    }
}

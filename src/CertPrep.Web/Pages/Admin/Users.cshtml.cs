using CertPrep.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Admin;

public sealed class UsersModel(RoleAdministration roles) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public UserPage Result { get; private set; } = new([], 0, 1, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await roles.ListAsync(Search, PageNumber, cancellationToken);

    public async Task<IActionResult> OnPostGrantAsync(string userId, string role) =>
        Report(await roles.GrantAsync(userId, role));

    public async Task<IActionResult> OnPostRevokeAsync(string userId, string role) =>
        Report(await roles.RevokeAsync(userId, role));

    private RedirectToPageResult Report(RoleChange change)
    {
        TempData["Status"] = change.Message;
        return RedirectToPage(new { q = Search, p = PageNumber });
    }
}

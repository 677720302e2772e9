using CertPrep.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Dashboard;

public sealed class IndexModel(UserManager<ApplicationUser> users) : PageModel
{
    public string Name { get; private set; } = "";

    public DateTime MemberSinceUtc { get; private set; }

    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName;
        MemberSinceUtc = user.CreatedUtc;
        RoleNames = [.. await users.GetRolesAsync(user)];
        return Page();
    }
}

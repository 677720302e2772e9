using CertPrep.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Account;

/// <summary>Sign-out is a POST (with its antiforgery token) so a link on another site cannot sign you out.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<ApplicationUser> signIn) : PageModel
{
    public IActionResult OnGet() => signIn.IsSignedIn(User) ? Page() : RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Status"] = "You are signed out.";
        return RedirectToPage("/Index");
    }
}

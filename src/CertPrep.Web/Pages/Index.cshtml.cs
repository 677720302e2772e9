using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages;

[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public bool SignedIn => User.Identity?.IsAuthenticated == true;
}

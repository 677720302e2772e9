using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Account;

[AllowAnonymous]
public sealed class LockoutModel : PageModel;

using System.Diagnostics;
using System.Globalization;
using CertPrep.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages;

/// <summary>
/// The page for an unhandled exception (re-executed by UseExceptionHandler). When the database cannot be used right
/// now (see <see cref="DatabaseErrors"/>) it is a 503 with Retry-After and says so; a script that asked for JSON (the
/// exam's autosave) gets the same as JSON, so it keeps the answer and tries again. Never shows exception details.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken(Order = 1001)] // re-executed for failed POSTs too; it changes nothing
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string RequestId { get; private set; } = "";

    public bool Unavailable { get; private set; }

    public IActionResult OnGet()
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Unavailable = DatabaseErrors.IsUnavailable(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error);
        if (!Unavailable)
        {
            return Page();
        }

        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = ((int)DatabaseErrors.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var wantsJson = Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
        return wantsJson
            ? new JsonResult(new { saved = false, unavailable = true, message = DatabaseErrors.Message }) { StatusCode = StatusCodes.Status503ServiceUnavailable }
            : Page();
    }

    public IActionResult OnPost() => OnGet();
}

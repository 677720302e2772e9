using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages;

/// <summary>Friendly pages for 4xx/5xx status codes (re-executed by UseStatusCodePagesWithReExecute).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Explanation) = code switch
        {
            400 => ("The request could not be accepted", "The form may have expired. Go back, reload the page and try again."),
            403 => ("You do not have access to this page", "Your account does not have the role this page needs. An administrator can grant it."),
            404 => ("Page not found", "There is no page at this address."),
            429 => ("Too many requests", "Please wait a minute and try again."),
            503 => ("Temporarily unavailable", Data.DatabaseErrors.Message),
            _ => ("Something went wrong", "The page could not be shown."),
        };
    }
}

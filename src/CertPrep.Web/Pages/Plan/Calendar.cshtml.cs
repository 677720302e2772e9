using System.Text;
using CertPrep.Web.Accounts;
using CertPrep.Web.Planning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Plan;

public sealed class CalendarModel(CalendarFeeds feeds) : PageModel
{
    /// <summary>The private feed address, when the learner has one.</summary>
    public string? FeedUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var token = await feeds.TokenAsync(User.UserId(), ct);
        FeedUrl = token is null ? null : $"{SiteUrl}/calendar/{token}.ics";
    }

    /// <summary>Creates the feed, or replaces its address (the old one stops working).</summary>
    public async Task<IActionResult> OnPostReplaceAsync(CancellationToken ct)
    {
        var had = await feeds.TokenAsync(User.UserId(), ct) is not null;
        await feeds.ReplaceAsync(User.UserId(), ct);
        TempData["Status"] = had ? "Your calendar feed has a new address; the old one no longer works." : "Your private calendar feed is ready.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        await feeds.RevokeAsync(User.UserId(), ct);
        TempData["Status"] = "Calendar feed turned off: its address no longer works.";
        return RedirectToPage();
    }

    /// <summary>The calendar as a one-off file.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct) =>
        File(Encoding.UTF8.GetBytes(await feeds.CalendarAsync(User.UserId(), SiteUrl, ct)), "text/calendar; charset=utf-8", "certprep-study-plan.ics");

    private string SiteUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
}

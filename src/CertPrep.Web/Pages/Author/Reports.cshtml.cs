using CertPrep.Web.Accounts;
using CertPrep.Web.Attempts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Author;

public sealed class ReportsModel(ProblemReportQueue queue) : PageModel
{
    public IReadOnlyList<ReportedVersion> Open { get; private set; } = [];

    public IReadOnlyList<ProblemReport> Closed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Open = await queue.OpenAsync(ct);
        Closed = await queue.RecentlyClosedAsync(20, ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(long versionId, string? resolution, CancellationToken ct)
    {
        var closed = await queue.CloseAsync(versionId, User.UserId(), resolution, ct);
        TempData["Status"] = closed == 0 ? "Those reports were already closed." : $"Closed {closed} report{(closed == 1 ? "" : "s")}.";
        return RedirectToPage();
    }
}

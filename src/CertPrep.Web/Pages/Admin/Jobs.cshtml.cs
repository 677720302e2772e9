using CertPrep.Web.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Admin;

public sealed class JobsModel(JobsDashboard dashboard, IBackgroundJobs jobs) : PageModel
{
    public JobsOverview Overview { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Overview = await dashboard.LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostTriggerAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await jobs.TriggerRecurringNowAsync(name, cancellationToken);
            TempData["Status"] = $"Started {name}. Refresh to see its run.";
        }
        catch (ArgumentException ex)
        {
            TempData["Status"] = ex.Message;
        }

        return RedirectToPage();
    }
}

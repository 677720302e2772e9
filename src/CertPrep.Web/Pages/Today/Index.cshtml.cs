using CertPrep.Web.Accounts;
using CertPrep.Web.Planning;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Today;

public sealed class IndexModel(PlanViews views) : PageModel
{
    public IReadOnlyList<TodayPlan> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Plans = await views.TodayAsync(User.UserId(), ct);
}

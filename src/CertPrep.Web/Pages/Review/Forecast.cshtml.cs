using CertPrep.Web.Accounts;
using CertPrep.Web.Reviews;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Review;

public sealed class ForecastModel(ReviewPlanning planning) : PageModel
{
    public ForecastView Forecast { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Forecast = await planning.ForecastAsync(User.UserId(), ct);
}

using CertPrep.Web.Accounts;
using CertPrep.Web.Enrolments;
using CertPrep.Web.Planning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Plan;

public sealed class IndexModel(PlanViews views, PlanService plans, PlanSettings settings, EnrolmentService enrolments) : PageModel
{
    public PlanPage View { get; private set; } = null!;

    public IReadOnlyList<EnrolmentView> Enrolments { get; private set; } = [];

    public bool Month { get; private set; }

    public DateOnly Anchor { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? credential, string? view, DateOnly? at, CancellationToken ct)
    {
        Enrolments = await enrolments.ForUserAsync(User.UserId(), ct);
        var selected = Enrolments.FirstOrDefault(e => e.Credential.Id == credential) ?? (credential is null ? Enrolments.FirstOrDefault() : null);
        if (selected is null)
        {
            return credential is null ? RedirectToPage("/Enrolments/Index") : NotFound();
        }

        Month = view == "month";
        var page = await views.PageAsync(User.UserId(), selected.Credential.Id, at, Month, ct);
        if (page is null)
        {
            return NotFound();
        }

        View = page;
        Anchor = at ?? page.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string credential, Domain.Planning.PlanOptionKind kind, CancellationToken ct)
    {
        var error = await settings.ApplyOptionAsync(User.UserId(), credential, kind, ct);
        TempData["Status"] = error ?? "Done. Your plan was re-made with your choice.";
        return RedirectToPage(new { credential });
    }

    public async Task<IActionResult> OnPostReplanAsync(string credential, CancellationToken ct)
    {
        if (await plans.ReplanAsync(User.UserId(), credential, PlanTriggers.OnDemand, ["You asked for a re-plan."], ct) is null)
        {
            return NotFound();
        }

        TempData["Status"] = "Your plan was re-made. What changed is listed under Changes.";
        return RedirectToPage(new { credential });
    }
}

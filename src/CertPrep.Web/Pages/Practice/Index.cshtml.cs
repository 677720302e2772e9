using CertPrep.Domain.Exams;
using CertPrep.Domain.Practice;
using CertPrep.Web.Accounts;
using CertPrep.Web.Enrolments;
using CertPrep.Web.Practice;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Practice;

public sealed class IndexModel(EnrolmentService enrolments, PracticeService practice, Adaptive.AdaptiveService adaptive) : PageModel
{
    public IReadOnlyList<EnrolmentView> Enrolments { get; private set; } = [];

    public EnrolmentView? Selected { get; private set; }

    public IReadOnlyList<CertPrep.Web.Attempts.Attempt> Recent { get; private set; } = [];

    [BindProperty]
    public BuildInput Input { get; set; } = new();

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? credential, CancellationToken ct) => await LoadAsync(credential, ct);

    public async Task<IActionResult> OnPostBuildAsync(CancellationToken ct)
    {
        var filters = Input.Filters.Aggregate(QuizFilters.None, (all, f) => all | f);
        var result = await practice.BuildAsync(
            User.UserId(),
            Input.CredentialId,
            new QuizOptions(Input.Domains, Input.Count, filters, Input.Difficulties, Input.IncludeRecentlySeen),
            ct);
        return await GoAsync(result, Input.CredentialId, ct);
    }

    public async Task<IActionResult> OnPostQuickAsync(string credentialId, CancellationToken ct)
    {
        var result = await practice.BuildAsync(User.UserId(), credentialId, new QuizOptions([], PracticeService.QuickCount, QuizFilters.None, [], false, "Quick 10"), ct);
        return await GoAsync(result, credentialId, ct);
    }

    public async Task<IActionResult> OnPostAdaptiveAsync(string credentialId, int count, int reviewPercent, CancellationToken ct) =>
        await StartAdaptiveAsync(credentialId, Adaptive.AdaptiveMode.Practice, count, reviewPercent / 100.0, ct);

    public async Task<IActionResult> OnPostDiagnosticAsync(string credentialId, CancellationToken ct) =>
        await StartAdaptiveAsync(credentialId, Adaptive.AdaptiveMode.Diagnostic, 30, 0, ct);

    public async Task<IActionResult> OnPostDomainAsync(string credentialId, string domainId, CancellationToken ct)
    {
        var result = await practice.BuildAsync(User.UserId(), credentialId, new QuizOptions([domainId], PracticeService.QuickCount, QuizFilters.None, [], false), ct);
        return await GoAsync(result, credentialId, ct);
    }

    private async Task<IActionResult> StartAdaptiveAsync(string credentialId, Adaptive.AdaptiveMode mode, int count, double reviewShare, CancellationToken ct)
    {
        var id = await adaptive.StartAsync(User.UserId(), credentialId, mode, count <= 0 ? Adaptive.AdaptiveService.DefaultCount : count, reviewShare, ct);
        return await GoAsync(id is { } started ? new CreateResult(started, null, null) : CreateResult.Fail("Enrol in this credential first, or there are no questions left to choose from."), credentialId, ct);
    }

    private async Task<IActionResult> GoAsync(CreateResult result, string credentialId, CancellationToken ct)
    {
        if (result.AttemptId is { } id)
        {
            if (result.Warning is not null)
            {
                TempData["Status"] = result.Warning;
            }

            return RedirectToPage("/Practice/Quiz", new { id });
        }

        Error = result.Error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(credentialId, ct);
        return Page();
    }

    private async Task LoadAsync(string? credential, CancellationToken ct)
    {
        Enrolments = await enrolments.ForUserAsync(User.UserId(), ct);
        Selected = Enrolments.FirstOrDefault(e => e.Credential.Id == credential) ?? (Enrolments.Count == 1 ? Enrolments[0] : null);
        Recent = await practice.RecentAsync(User.UserId(), 10, ct);
    }

    public sealed class BuildInput
    {
        public string CredentialId { get; set; } = "";

        public List<string> Domains { get; set; } = [];

        public int Count { get; set; } = 20;

        public List<QuizFilters> Filters { get; set; } = [];

        public List<Difficulty> Difficulties { get; set; } = [];

        public bool IncludeRecentlySeen { get; set; }
    }
}

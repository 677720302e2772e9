using CertPrep.Domain.Exams;
using CertPrep.Web.Accounts;
using CertPrep.Web.Enrolments;
using CertPrep.Web.Exams;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Exams;

public sealed class IndexModel(EnrolmentService enrolments, ExamService exams, ExamReports reports) : PageModel
{
    public IReadOnlyList<EnrolmentView> Enrolments { get; private set; } = [];

    public EnrolmentView? Selected { get; private set; }

    public ExamHistory History { get; private set; } = new([], new Dictionary<string, string>());

    [BindProperty]
    public StartInput Input { get; set; } = new();

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? credential, CancellationToken ct) => await LoadAsync(credential, ct);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var result = await exams.StartAsync(User.UserId(), Input.CredentialId, Input.Length, ct);
        if (result.AttemptId is { } id)
        {
            if (result.Warning is not null)
            {
                TempData["Status"] = result.Warning;
            }

            return RedirectToPage("/Exams/Take", new { id });
        }

        Error = result.Error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(Input.CredentialId, ct);
        return Page();
    }

    /// <summary>The form a length gives for an enrolment: items and minutes, for the start choices.</summary>
    public static FormPlan PlanFor(EnrolmentView enrolment, FormLength length) =>
        ExamForms.Blueprint(enrolment.Credential, enrolment.Form).PlanFor(length);

    private async Task LoadAsync(string? credential, CancellationToken ct)
    {
        Enrolments = await enrolments.ForUserAsync(User.UserId(), ct);
        Selected = Enrolments.FirstOrDefault(e => e.Credential.Id == credential) ?? (Enrolments.Count == 1 ? Enrolments[0] : null);
        History = await reports.HistoryAsync(User.UserId(), ct);
    }

    public sealed class StartInput
    {
        public string CredentialId { get; set; } = "";

        public FormLength Length { get; set; } = FormLength.Quarter;
    }
}

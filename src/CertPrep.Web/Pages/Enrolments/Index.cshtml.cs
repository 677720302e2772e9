using System.ComponentModel.DataAnnotations;
using CertPrep.Web.Accounts;
using CertPrep.Web.Enrolments;
using CertPrep.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Enrolments;

public sealed class IndexModel(EnrolmentService enrolments, LibraryQueries library, Planning.PlanService plans) : PageModel
{
    public IReadOnlyList<CredentialSummary> Catalog { get; private set; } = [];

    public IReadOnlyDictionary<string, EnrolmentView> Mine { get; private set; } = new Dictionary<string, EnrolmentView>();

    public IReadOnlyDictionary<string, CertPrep.Content.Model.Credential> Definitions { get; private set; } = new Dictionary<string, CertPrep.Content.Model.Credential>();

    [BindProperty]
    public EnrolInput Input { get; set; } = new();

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            Error = await enrolments.SaveAsync(User.UserId(), Input.CredentialId, string.IsNullOrEmpty(Input.FormId) ? null : Input.FormId, Input.ExamDate, Input.WeeklyHours, ct);
            if (Error is null)
            {
                await plans.ReplanIfPlannedAsync(User.UserId(), Input.CredentialId, "Enrolment saved (exam form, exam date or weekly hours).", ct);
                TempData["Status"] = "Enrolment saved.";
                return RedirectToPage("/Dashboard/Index");
            }
        }
        else
        {
            Error = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string credentialId, CancellationToken ct)
    {
        if (await enrolments.RemoveAsync(User.UserId(), credentialId, ct))
        {
            TempData["Status"] = "You are no longer enrolled. Your practice and exam history is kept.";
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Catalog = await library.CatalogAsync(ct);
        var mine = await enrolments.ForUserAsync(User.UserId(), ct);
        Mine = mine.ToDictionary(e => e.Credential.Id);
        Definitions = await library.DefinitionsAsync(ct);
    }

    public sealed class EnrolInput
    {
        [Required]
        public string CredentialId { get; set; } = "";

        public string? FormId { get; set; }

        [DataType(DataType.Date)]
        public DateOnly? ExamDate { get; set; }

        [Range(1, EnrolmentService.MaxWeeklyHours, ErrorMessage = "Weekly study hours must be between 1 and 80.")]
        public int? WeeklyHours { get; set; }
    }
}

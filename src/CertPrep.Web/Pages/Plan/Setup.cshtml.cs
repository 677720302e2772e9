using CertPrep.Web.Accounts;
using CertPrep.Web.Enrolments;
using CertPrep.Web.Planning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Plan;

public sealed class SetupModel(PlanSettings settings, EnrolmentService enrolments, TimeProvider time) : PageModel
{
    [BindProperty]
    public PlanSettingsInput Input { get; set; } = new();

    public EnrolmentView Enrolment { get; private set; } = null!;

    public int SuggestedHours { get; private set; }

    public static IReadOnlyList<TimeZoneInfo> Zones => Review.SettingsModel.Zones;

    public async Task<IActionResult> OnGetAsync(string credential, CancellationToken ct)
    {
        if (!await LoadAsync(credential, ct) || await settings.LoadAsync(User.UserId(), credential, ct) is not { } input)
        {
            return NotFound();
        }

        Input = input;
        SuggestedHours = PlanSettings.Suggested(Enrolment.Credential.RecommendedStudyHours, Today, Input.ExamDate);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string credential, CancellationToken ct)
    {
        if (!await LoadAsync(credential, ct))
        {
            return NotFound();
        }

        SuggestedHours = PlanSettings.Suggested(Enrolment.Credential.RecommendedStudyHours, Today, Input.ExamDate);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (field, error) = await settings.SaveAsync(User.UserId(), credential, Input, ct);
        if (error is not null)
        {
            ModelState.AddModelError(field is null ? string.Empty : $"Input.{field}", error);
            return Page();
        }

        TempData["Status"] = "Saved. Your plan was re-made: what changed is listed under Changes.";
        return RedirectToPage("/Plan/Index", new { credential });
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private async Task<bool> LoadAsync(string credential, CancellationToken ct)
    {
        var enrolment = (await enrolments.ForUserAsync(User.UserId(), ct)).FirstOrDefault(e => e.Credential.Id == credential);
        if (enrolment is null)
        {
            return false;
        }

        Enrolment = enrolment;
        return true;
    }
}

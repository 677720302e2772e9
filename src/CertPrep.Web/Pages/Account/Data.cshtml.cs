using System.ComponentModel.DataAnnotations;
using CertPrep.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Account;

public sealed class DataModel(PersonalData data, SignInManager<ApplicationUser> signIn, TimeProvider time) : PageModel
{
    [BindProperty]
    public DeleteInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct) =>
        File(await data.JsonAsync(User.UserId(), ct), "application/json", $"certprep-data-{Stamp}.json");

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(await data.CsvZipAsync(User.UserId(), ct), "application/zip", $"certprep-data-{Stamp}.zip");

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await data.DeleteAsync(User.UserId(), Input.Password!, ct) is { } error)
        {
            ModelState.AddModelError("Input.Password", error);
            return Page();
        }

        await signIn.SignOutAsync();
        TempData["Status"] = "Your account and your data are deleted. Your answers remain only as anonymous statistics.";
        return Redirect("/");
    }

    private string Stamp => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public sealed class DeleteInput
    {
        [Required(ErrorMessage = "Enter your password to delete your account.")]
        [DataType(DataType.Password)]
        [Display(Name = "Your password")]
        public string? Password { get; set; }

        [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to confirm that everything is to be deleted.")]
        [Display(Name = "I understand that my account, plans, notes and history are deleted for good")]
        public bool Confirm { get; set; }
    }
}

using System.ComponentModel.DataAnnotations;
using CertPrep.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Account;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.RateLimits.SignIn)]
[AllowAnonymous]
public sealed class RegisterModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, TimeProvider time) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public IActionResult OnGet() => signIn.IsSignedIn(User) ? RedirectToPage("/Dashboard/Index") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = string.IsNullOrWhiteSpace(Input.DisplayName) ? null : Input.DisplayName.Trim(),
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                // Identity reports a taken e-mail twice (as user name and as e-mail): say it once.
                var key = error.Code is "DuplicateUserName" or "DuplicateEmail" ? "Input.Email" : "Input.Password";
                var message = key == "Input.Email" ? "An account with this e-mail address already exists. Sign in instead, or use another address." : error.Description;
                if (!ModelState.TryGetValue(key, out var entry) || entry.Errors.All(e => e.ErrorMessage != message))
                {
                    ModelState.AddModelError(key, message);
                }
            }

            return Page();
        }

        await users.AddToRoleAsync(user, Roles.Learner);
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Status"] = "Welcome to CertPrep. Your account is ready.";
        return RedirectToPage("/Dashboard/Index");
    }

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address, like name@example.org.")]
        [StringLength(256)]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = "";

        [StringLength(100)]
        [Display(Name = "Display name (optional)")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Choose a password.")]
        [DataType(DataType.Password)]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "Use at least 10 characters for your password.")]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Repeat your password.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        [Display(Name = "Repeat password")]
        public string ConfirmPassword { get; set; } = "";
    }
}

using Microsoft.AspNetCore.Identity;

namespace CertPrep.Web.Accounts;

/// <summary>
/// Length is the rule that matters (NIST SP 800-63B); on top of it, refuse passwords that are on every
/// attacker's first list or that contain the account's own e-mail name.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword",
        "1234567890", "12345678910", "0123456789", "123456789a", "qwertyuiop", "qwerty1234", "qwerty12345",
        "1q2w3e4r5t", "iloveyou12", "letmein123", "welcome123", "admin12345", "administrator", "abcdefghij",
        "abc1234567", "certprep123", "changeme123", "trustno1234", "football12", "baseball12", "sunshine12",
        "princess12", "monkey1234", "dragon1234", "aaaaaaaaaa", "1111111111", "0000000000",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = new List<IdentityError>();
        if (Common.Contains(password))
        {
            errors.Add(new IdentityError { Code = "CommonPassword", Description = "This password is too common. Choose a longer phrase that is not on lists of popular passwords." });
        }

        var local = user.Email?.Split('@')[0];
        if (local is { Length: >= 4 } && password.Contains(local, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsEmail", Description = "The password must not contain your e-mail name." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}

using Microsoft.AspNetCore.Identity;

namespace CertPrep.Web.Accounts;

public sealed class ApplicationUser : IdentityUser
{
    /// <summary>Name shown in the site header; the e-mail address when empty.</summary>
    public string? DisplayName { get; set; }

    public DateTime CreatedUtc { get; set; }
}

using Microsoft.AspNetCore.Authorization;

namespace CertPrep.Web.Accounts;

/// <summary>Who may open which part of the site. Folders are mapped to these in <see cref="AccountsSetup"/>.</summary>
public static class Policies
{
    public const string Author = "Author";
    public const string Admin = "Admin";

    public static void Add(AuthorizationOptions options)
    {
        // Every page needs a signed-in user unless it says [AllowAnonymous].
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Author, p => p.RequireAuthenticatedUser().RequireRole(Roles.Author, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
    }
}

using System.Security.Claims;

namespace CertPrep.Web.Accounts;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id. Pages outside the public ones require sign-in, so it is always there.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");
}

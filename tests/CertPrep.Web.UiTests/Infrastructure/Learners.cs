using CertPrep.Web.UiTests.Pages;
using Microsoft.Playwright;

namespace CertPrep.Web.UiTests.Infrastructure;

/// <summary>The start of every practice and exam test: a new learner, signed in and enrolled through the site's own forms.</summary>
public static class Learners
{
    /// <summary>Creates a learner, signs in on the sign-in page and enrols in the credential on /Enrolments.</summary>
    public static async Task SignInEnrolledAsync(BrowserFixture ui, IPage page, string credentialId)
    {
        var email = await ui.CreateLearnerAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync(email, TestAccounts.Password);
        await new EnrolmentsPage(page).EnrolAsync(credentialId);
    }
}

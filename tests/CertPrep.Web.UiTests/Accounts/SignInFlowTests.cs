using CertPrep.Web.UiTests.Infrastructure;
using CertPrep.Web.UiTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Accounts;

/// <summary>The account round trip a new learner makes, through the real pages, with label and role locators.</summary>
[Collection(UiCollection.Name)]
public sealed class SignInFlowTests(BrowserFixture ui)
{
    [Fact]
    public Task SignInFlow_ShowsDashboardEachTime_WhenLearnerRegistersSignsOutAndSignsInAgain() => ui.RunAsync(async page =>
    {
        // Arrange
        var email = TestAccounts.NewEmail();
        var header = new SiteHeader(page);
        var register = new RegisterPage(page);
        var login = new LoginPage(page);
        var dashboard = new DashboardPage(page);
        await new LandingPage(page).GotoAsync();

        // Act: register from the header link
        await header.CreateAccountLink.ClickAsync();
        await register.ExpectOpenAsync();
        await register.RegisterAsync(email, "Riley", TestAccounts.Password);

        // Assert
        await Expect(dashboard.Name).ToHaveTextAsync("Riley");
        await Expect(header.SignOutButton).ToBeVisibleAsync();
        await Expect(header.SignInLink).ToHaveCountAsync(0);

        // Act: sign out, then sign in again from the header link
        await header.SignOutAsync();
        await header.SignInLink.ClickAsync();
        await login.ExpectOpenAsync();
        await login.SignInAsync(email, TestAccounts.Password);

        // Assert
        await Expect(dashboard.Name).ToHaveTextAsync("Riley");

        // Act: sign out for good
        await header.SignOutAsync();

        // Assert: the dashboard now asks for a sign-in
        await page.GotoAsync(DashboardPage.Path);
        await Expect(page).ToHaveURLAsync(Urls.WithPath(LoginPage.Path));
        await login.ExpectOpenAsync();
    });
}

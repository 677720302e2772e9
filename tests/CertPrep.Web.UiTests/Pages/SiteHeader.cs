using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Pages;

/// <summary>The skip link and the header navigation, on every page.</summary>
public sealed class SiteHeader(IPage page)
{
    public ILocator SkipLink => page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });

    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    public ILocator NavigationLinks => Navigation.GetByRole(AriaRole.Link);

    public ILocator SignInLink => Navigation.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true });

    public ILocator CreateAccountLink => Navigation.GetByRole(AriaRole.Link, new() { Name = "Create account", Exact = true });

    public ILocator DashboardLink => Navigation.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true });

    public ILocator SignOutButton => Navigation.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true });

    /// <summary>Signs out with the header button and waits for the landing page's notice.</summary>
    public async Task SignOutAsync()
    {
        await SignOutButton.ClickAsync();
        var landing = new LandingPage(page);
        await Expect(page).ToHaveURLAsync(Urls.WithPath(LandingPage.Path));
        await Expect(landing.StatusNotice).ToHaveTextAsync("You are signed out.");
        await Expect(SignInLink).ToBeVisibleAsync();
    }
}

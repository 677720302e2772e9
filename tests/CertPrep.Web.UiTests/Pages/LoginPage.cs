using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Pages;

public sealed class LoginPage(IPage page)
{
    public const string Path = "/Account/Login";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 });

    public ILocator Email => page.GetByLabel("E-mail address", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    public ILocator RememberMe => page.GetByLabel("Keep me signed in on this device", new() { Exact = true });

    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });

    public async Task GotoAsync()
    {
        await page.GotoAsync(Path);
        await ExpectOpenAsync();
    }

    public Task ExpectOpenAsync() => Expect(Heading).ToBeVisibleAsync();

    /// <summary>Fills and submits the form, then waits for the dashboard.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await SubmitButton.ClickAsync();
        await new DashboardPage(page).ExpectOpenAsync();
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Pages;

public sealed class RegisterPage(IPage page)
{
    public const string Path = "/Account/Register";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Create an account", Level = 1 });

    public ILocator Email => page.GetByLabel("E-mail address", new() { Exact = true });

    public ILocator DisplayName => page.GetByLabel("Display name (optional)", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    public ILocator RepeatPassword => page.GetByLabel("Repeat password", new() { Exact = true });

    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new() { Name = "Create account", Exact = true });

    public async Task GotoAsync()
    {
        await page.GotoAsync(Path);
        await ExpectOpenAsync();
    }

    public Task ExpectOpenAsync() => Expect(Heading).ToBeVisibleAsync();

    /// <summary>Fills and submits the form, then waits for the dashboard.</summary>
    public async Task RegisterAsync(string email, string displayName, string password)
    {
        await Email.FillAsync(email);
        await DisplayName.FillAsync(displayName);
        await Password.FillAsync(password);
        await RepeatPassword.FillAsync(password);
        await SubmitButton.ClickAsync();
        await new DashboardPage(page).ExpectOpenAsync();
    }
}

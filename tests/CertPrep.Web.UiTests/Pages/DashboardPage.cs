using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Pages;

public sealed class DashboardPage(IPage page)
{
    public const string Path = "/Dashboard";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Name => page.GetByTestId("dashboard-name");

    public async Task GotoAsync()
    {
        await page.GotoAsync(Path);
        await ExpectOpenAsync();
    }

    public async Task ExpectOpenAsync()
    {
        await Expect(page).ToHaveURLAsync(Urls.WithPath(Path));
        await Expect(Heading).ToContainTextAsync("Welcome");
    }
}

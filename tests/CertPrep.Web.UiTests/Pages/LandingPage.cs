using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Pages;

public sealed class LandingPage(IPage page)
{
    public const string Path = "/";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The one-off notice (role=status) shown after a redirect, e.g. after signing out.</summary>
    public ILocator StatusNotice => page.GetByRole(AriaRole.Status);

    public async Task GotoAsync()
    {
        await page.GotoAsync(Path);
        await Expect(Heading).ToContainTextAsync("Prepare for CPIM, CSCP and Lean Six Sigma exams");
    }
}

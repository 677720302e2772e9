using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Pages;

/// <summary>/Practice for one credential: quick practice, a quiz per domain, the quiz builder.</summary>
public sealed class PracticePage(IPage page)
{
    public const string Path = "/Practice";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Practice", Exact = true, Level = 1 });

    public ILocator QuickTen => page.GetByTestId("quick-10");

    public async Task GotoAsync(string credentialId)
    {
        await page.GotoAsync($"{Path}?credential={credentialId}");
        await Expect(Heading).ToBeVisibleAsync();
    }

    /// <summary>Starts "Quick 10" and waits for its first question.</summary>
    public async Task<QuizPage> StartQuickTenAsync(string credentialId)
    {
        await GotoAsync(credentialId);
        await QuickTen.ClickAsync();
        var quiz = new QuizPage(page);
        await quiz.ExpectAtAsync(1, 10);
        return quiz;
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Pages;

/// <summary>/Review: the next due card (a question to answer or a flashcard), the result of the last answer, undo.</summary>
public sealed class ReviewPage(IPage page)
{
    public AnswerControls Answer { get; } = new(page);

    public ILocator SubmitAnswer => page.GetByRole(AriaRole.Button, new() { Name = "Submit answer", Exact = true });

    public ILocator Result => page.GetByTestId("review-result");

    public ILocator Grade => page.GetByTestId("review-grade");

    public ILocator NextCard => page.GetByTestId("next-card");

    public ILocator Done => page.GetByTestId("review-done");

    public ILocator Progress => page.GetByTestId("review-progress");

    public ILocator NavLink => page.GetByTestId("nav-review");

    public ILocator Notice => page.GetByRole(AriaRole.Status);

    public async Task GotoAsync(string baseUrl)
    {
        await page.GotoAsync($"{baseUrl}/Review");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Review");
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    public async Task ExpectQuestionAsync()
    {
        await Expect(SubmitAnswer).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}

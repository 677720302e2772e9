using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Pages;

/// <summary>/Practice/{id}: one tutor-mode question, its feedback once answered, the flag, note and problem report.</summary>
public sealed partial class QuizPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Position => page.GetByTestId("position");

    public AnswerControls Answer { get; } = new(page);

    public ILocator Confidence => page.GetByRole(AriaRole.Group, new() { Name = "How sure are you? (optional)" });

    public ILocator SubmitAnswer => page.GetByRole(AriaRole.Button, new() { Name = "Submit answer", Exact = true });

    public ILocator Feedback => page.GetByRole(AriaRole.Region, new() { Name = "Feedback", Exact = true });

    public ILocator Verdict => page.GetByTestId("verdict");

    /// <summary>One entry per option, each with the option's rationale (choice questions only).</summary>
    public ILocator ReviewedOptions => Feedback.GetByRole(AriaRole.List, new() { Name = "Options with explanations" }).GetByRole(AriaRole.Listitem);

    public ILocator Explanation => Feedback.GetByRole(AriaRole.Heading, new() { Name = "Explanation", Exact = true }).Locator("..");

    /// <summary>The link after "Where this is taught:", to the module section the question cites.</summary>
    public ILocator SourceLink => Feedback.Locator("p", new() { HasText = "Where this is taught:" }).GetByRole(AriaRole.Link);

    public ILocator MissReasons => page.GetByRole(AriaRole.Group, new() { Name = "Why did you miss it?", Exact = true });

    public ILocator MissReason(string name) => MissReasons.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator FlagButton => page.GetByTestId("flag");

    /// <summary>"Next question" once answered, "Skip for now" before.</summary>
    public ILocator Next => page.GetByTestId("next");

    /// <summary>The one-off notice after an action (role=status), e.g. "Question flagged.".</summary>
    public ILocator Notice => page.GetByRole(AriaRole.Status);

    /// <summary>Waits for question <paramref name="position"/> of <paramref name="total"/> with its script loaded (shortcuts work).</summary>
    public async Task ExpectAtAsync(int position, int total)
    {
        await Expect(page).ToHaveURLAsync(QuizUrl());
        await Expect(Heading).ToHaveTextAsync($"Question {position} of {total}");
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Submits the chosen answer with the mouse and waits for its feedback.</summary>
    public async Task SubmitAsync()
    {
        await SubmitAnswer.ClickAsync();
        await ExpectFeedbackAsync();
    }

    /// <summary>Waits for the feedback page (after the answer was submitted) with its script loaded.</summary>
    public async Task ExpectFeedbackAsync()
    {
        await Expect(Feedback).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Waits for the notice a post left (e.g. "Question flagged.") on the reloaded page, with its script loaded.</summary>
    public async Task ExpectNoticeAsync(string text)
    {
        await Expect(Notice).ToHaveTextAsync(text);
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    public async Task<int> PositionAsync() => int.Parse((await Position.TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Skips ahead (setup, with the mouse) until a question of the kind is shown; fails if none is left.</summary>
    public async Task SkipToAsync(QuestionKind kind, int total)
    {
        for (var position = await PositionAsync(); ; position++)
        {
            if (await Answer.KindAsync() == kind)
            {
                return;
            }

            position.ShouldBeLessThan(total, $"no {kind} question left in the quiz at {page.Url}");
            await Next.ClickAsync();
            await ExpectAtAsync(position + 1, total);
        }
    }

    [GeneratedRegex(@"/Practice/\d+(\?.*)?$")]
    private static partial Regex QuizUrl();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Pages;

/// <summary>/Exams/{id}/Take: the timer, one question in the autosaving answer form, the flag and the navigation grid.</summary>
public sealed partial class ExamPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Position => page.GetByTestId("position");

    public ILocator Timer => page.GetByTestId("timer");

    /// <summary>The visible countdown, "mm:ss" (or "h:mm:ss").</summary>
    public ILocator TimerDisplay => Timer.Locator("[data-timer-display]");

    /// <summary>What the autosave says: "Saving…", then "Saved." (a polite live region).</summary>
    public ILocator SaveStatus => page.Locator("[data-save-status]");

    public ILocator AnsweredCount => page.GetByTestId("answered-count");

    public AnswerControls Answer { get; } = new(page);

    public ILocator Flag => page.GetByRole(AriaRole.Checkbox, new() { NameRegex = FlagLabel() });

    public ILocator SaveAndNext => page.GetByTestId("next");

    public ILocator ReviewAndSubmit => page.GetByTestId("review");

    /// <summary>The "All questions" disclosure around the navigation grid.</summary>
    public ILocator GridToggle => page.GetByText("All questions", new() { Exact = true });

    public ExamGrid Grid { get; } = new(page);

    /// <summary>Waits for question <paramref name="position"/> with its script loaded: autosave and shortcuts work.</summary>
    public async Task ExpectAtAsync(int position)
    {
        await Expect(page).ToHaveURLAsync(TakeUrl());
        await Expect(Position).ToHaveTextAsync(position.ToString(CultureInfo.InvariantCulture));
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    public async Task<int> PositionAsync() => int.Parse((await Position.TextContentAsync())!, CultureInfo.InvariantCulture);

    public async Task<int> TotalAsync() =>
        int.Parse(TotalInHeading().Match((await Heading.TextContentAsync())!).Groups[1].Value, CultureInfo.InvariantCulture);

    public Task ExpectSavedAsync() => Expect(SaveStatus).ToHaveTextAsync("Saved.");

    /// <summary>"Save and next", then waits for the next question.</summary>
    public async Task SaveAndNextAsync()
    {
        var position = await PositionAsync();
        await SaveAndNext.ClickAsync();
        await ExpectAtAsync(position + 1);
    }

    /// <summary>Opens the grid and follows a question's link.</summary>
    public async Task GoToAsync(int position)
    {
        if (!await Grid.Grid.IsVisibleAsync())
        {
            await GridToggle.ClickAsync();
        }

        await Grid.Cell(position).ClickAsync();
        await ExpectAtAsync(position);
    }

    /// <summary>Moves on (setup, with the mouse) until a question of the kind is shown; fails if none is left.</summary>
    public async Task SkipToAsync(QuestionKind kind)
    {
        var total = await TotalAsync();
        for (var position = await PositionAsync(); ; position++)
        {
            if (await Answer.KindAsync() == kind)
            {
                return;
            }

            position.ShouldBeLessThan(total, $"no {kind} question left in the exam at {page.Url}");
            await SaveAndNextAsync();
        }
    }

    public async Task<ExamReviewPage> ReviewAsync()
    {
        await ReviewAndSubmit.ClickAsync();
        var review = new ExamReviewPage(page);
        await review.ExpectOpenAsync();
        return review;
    }

    /// <summary>Seconds left, as the visible countdown shows them.</summary>
    public async Task<int> SecondsLeftAsync()
    {
        var parts = (await TimerDisplay.TextContentAsync())!.Split(':').Select(p => int.Parse(p, CultureInfo.InvariantCulture));
        return parts.Aggregate(0, (seconds, part) => (seconds * 60) + part);
    }

    [GeneratedRegex(@"/Exams/\d+/Take(\?.*)?$")]
    private static partial Regex TakeUrl();

    [GeneratedRegex(@"of (\d+)$")]
    private static partial Regex TotalInHeading();

    [GeneratedRegex("^Flag for review")]
    private static partial Regex FlagLabel();
}

using CertPrep.Tests.Shared;
using CertPrep.Web.UiTests.Infrastructure;
using CertPrep.Web.UiTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Reviews;

/// <summary>The Review page in the browser: a due question answered with the keyboard, its result, undo and the next card.</summary>
[Collection(UiCollection.Name)]
public sealed class ReviewPageTests(BrowserFixture ui, ITestOutputHelper output)
{
    [Fact]
    public Task Review_AnswersTheDueCardUndoesAndMovesOn_WhenOperatedWithKeyboardOnly() => ui.RunAsync(async page =>
    {
        // Arrange (the mouse may set up): a question answered in practice, due again after its 10-minute learning step
        await Learners.SignInEnrolledAsync(ui, page, ExamContent.CredentialId);
        var quiz = await new PracticePage(page).StartQuickTenAsync(ExamContent.CredentialId);
        await quiz.SkipToAsync(QuestionKind.SingleAnswer, 10);
        await quiz.Answer.AnswerAsync(correctly: true);
        await quiz.SubmitAsync();
        using var later = ui.AdvanceClock(TimeSpan.FromMinutes(11));
        var review = new ReviewPage(page);
        await review.GotoAsync(ui.BaseUrl);
        await review.ExpectQuestionAsync();
        await Expect(review.NavLink).ToHaveTextAsync("Review (1 due)");
        await Expect(page.GetByText(ExamContent.SecretMarker)).ToHaveCountAsync(0); // nothing revealed before answering
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);

        // Act: Tab into the options, Space chooses, arrows move to the key, Tab to the button, Enter
        var first = review.Answer.Radios.First;
        await KeyboardNavigation.TabToAsync(page, first, maxPresses: 40);
        await KeyboardNavigation.ShouldShowFocusAsync(first, "the first option");
        await page.Keyboard.PressAsync("Space");
        for (var presses = 0; presses < 3 && !await review.Answer.KeyOptions.IsCheckedAsync(); presses++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await Expect(review.Answer.KeyOptions).ToBeCheckedAsync();
        await KeyboardNavigation.TabToAsync(page, review.SubmitAnswer, maxPresses: 6);
        await KeyboardNavigation.ShouldShowFocusAsync(review.SubmitAnswer, "the Submit answer button");
        await page.Keyboard.PressAsync("Enter");

        // Assert: the result with the key and rationales, and when the card comes back
        await Expect(review.Result).ToContainTextAsync("Right");
        await Expect(review.Grade).ToHaveTextAsync("Good");
        await Expect(review.Result).ToContainTextAsync(ExamContent.SecretMarker);
        await Expect(page.GetByTestId("review-next")).ToContainTextAsync("Next review");
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);

        // Act: U undoes the answer, the same card is shown again
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.Keyboard.PressAsync("u");

        // Assert
        await Expect(review.Notice).ToContainTextAsync("Your last answer was undone");
        await review.ExpectQuestionAsync();

        // Act: answer again (wrong this time), then N for the next card
        await review.Answer.AnswerAsync(correctly: false);
        await review.SubmitAnswer.ClickAsync();
        await Expect(review.Result).ToContainTextAsync("Not this time");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.Keyboard.PressAsync("n");

        // Assert: nothing else is due now (the missed card comes back after its relearning step)
        await Expect(review.Done).ToContainTextAsync("Nothing to review right now");
        await Expect(review.Progress).ToContainTextAsync("1 done today");
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);
    });

    [Fact]
    public Task ForecastAndSettings_HaveNoSeriousAxeViolations() => ui.RunAsync(async page =>
    {
        await Learners.SignInEnrolledAsync(ui, page, ExamContent.CredentialId);
        await page.GotoAsync($"{ui.BaseUrl}/Review/Forecast");
        await Expect(page.GetByTestId("forecast-chart")).ToBeVisibleAsync();
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);

        await page.GotoAsync($"{ui.BaseUrl}/Review/Settings");
        await Expect(page.GetByLabel("Desired retention (%)")).ToHaveValueAsync("90");
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);
    });
}

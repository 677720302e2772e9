using System.Text.RegularExpressions;
using CertPrep.Tests.Shared;
using CertPrep.Web.UiTests.Infrastructure;
using CertPrep.Web.UiTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Practice;

/// <summary>Tutor mode in the browser: feedback after every answer, miss reasons, the flag and its F shortcut, the keyboard.</summary>
[Collection(UiCollection.Name)]
public sealed partial class QuizTests(BrowserFixture ui, ITestOutputHelper output)
{
    private const int QuickTen = 10;

    [Fact]
    public Task Quiz_ShowsFeedbackTakesMissReasonAndFlags_WhenAnsweredWithMouseAndFKey() => ui.RunAsync(async page =>
    {
        // Arrange: a single-answer question (every option gets a rationale) of a Quick 10 quiz
        await Learners.SignInEnrolledAsync(ui, page, ExamContent.CredentialId);
        var quiz = await new PracticePage(page).StartQuickTenAsync(ExamContent.CredentialId);
        await quiz.SkipToAsync(QuestionKind.SingleAnswer, QuickTen);
        var position = await quiz.PositionAsync();
        await Expect(quiz.Feedback).ToHaveCountAsync(0);
        await Expect(page.GetByText(ExamContent.SecretMarker)).ToHaveCountAsync(0); // nothing revealed before answering
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);

        // Act
        var answer = await quiz.Answer.AnswerAsync(correctly: true);
        await quiz.SubmitAsync();

        // Assert: verdict, a rationale for every option, the explanation and where the topic is taught
        await Expect(quiz.Verdict).ToHaveTextAsync("Correct.");
        await Expect(quiz.ReviewedOptions).ToHaveCountAsync(4);
        foreach (var option in await quiz.ReviewedOptions.AllAsync())
        {
            await Expect(option).ToContainTextAsync(ExamContent.SecretMarker);
        }

        await Expect(quiz.ReviewedOptions.Filter(new() { HasText = "Correct answer" })).ToContainTextAsync(answer.Chosen[0]);
        await Expect(quiz.ReviewedOptions.Filter(new() { HasText = "Correct answer" })).ToContainTextAsync("Your answer");
        await Expect(quiz.Explanation).ToContainTextAsync(ExamContent.ExplanationMarker);
        await Expect(quiz.SourceLink).ToHaveTextAsync("Mock basics");
        await Expect(quiz.SourceLink).ToHaveAttributeAsync("href", SourceSection());
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);

        // Act: the next question, answered wrongly, and why
        await quiz.Next.ClickAsync();
        await quiz.ExpectAtAsync(position + 1, QuickTen);
        await quiz.Answer.AnswerAsync(correctly: false);
        await quiz.SubmitAsync();
        await Expect(quiz.Verdict).ToHaveTextAsync("Not correct.");
        await quiz.MissReason("Misread the question").ClickAsync();

        // Assert
        await quiz.ExpectNoticeAsync("Thanks: the reason is saved with your answer.");
        await Expect(quiz.MissReason("Misread the question")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(quiz.MissReason("Did not know")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(quiz.FlagButton).ToHaveAttributeAsync("aria-pressed", "false");

        // Act: the F shortcut flags the question
        await page.Keyboard.PressAsync("F");

        // Assert
        await quiz.ExpectNoticeAsync("Question flagged.");
        await Expect(quiz.FlagButton).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(quiz.FlagButton).ToHaveTextAsync("Flagged (remove flag)");
        await Expect(quiz.Verdict).ToHaveTextAsync("Not correct."); // still the same, answered question
    });

    [Fact]
    public Task Quiz_AnswersSubmitsFlagsAndMovesOn_WhenOperatedWithKeyboardOnly() => ui.RunAsync(async page =>
    {
        // Arrange (the mouse may set up): a single-answer question, whose options are a group labelled by a legend
        await Learners.SignInEnrolledAsync(ui, page, ExamContent.CredentialId);
        var quiz = await new PracticePage(page).StartQuickTenAsync(ExamContent.CredentialId);
        await quiz.SkipToAsync(QuestionKind.SingleAnswer, QuickTen);
        var position = await quiz.PositionAsync();
        await Expect(quiz.Answer.Options).ToHaveCountAsync(1);
        (await quiz.Answer.Options.EvaluateAsync<string>("el => el.tagName + '>' + el.firstElementChild.tagName")).ShouldBe("FIELDSET>LEGEND");
        await Expect(quiz.Answer.Radios).ToHaveCountAsync(4);
        var first = quiz.Answer.Radios.First;
        var key = quiz.Answer.KeyOptions;

        // Act: Tab into the group, Space chooses the focused option, arrow keys move the choice on to the key
        await KeyboardNavigation.TabToAsync(page, first, maxPresses: 30);
        await KeyboardNavigation.ShouldShowFocusAsync(first, "the first option");
        await page.Keyboard.PressAsync("Space");
        await Expect(first).ToBeCheckedAsync();
        for (var presses = 0; presses < 3 && !await key.IsCheckedAsync(); presses++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        // Assert
        await Expect(key).ToBeCheckedAsync();
        await KeyboardNavigation.ShouldShowFocusAsync(key, "the keyed option");

        // Act: Tab to the confidence group, arrow to "Unsure", Tab to the button, Enter
        var sure = quiz.Confidence.GetByRole(AriaRole.Radio, new() { Name = "Sure", Exact = true });
        var unsure = quiz.Confidence.GetByRole(AriaRole.Radio, new() { Name = "Unsure", Exact = true });
        await KeyboardNavigation.TabToAsync(page, sure, maxPresses: 2);
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(unsure).ToBeCheckedAsync();
        await KeyboardNavigation.ShouldShowFocusAsync(unsure, "the 'Unsure' confidence option");
        await KeyboardNavigation.TabToAsync(page, quiz.SubmitAnswer, maxPresses: 2);
        await KeyboardNavigation.ShouldShowFocusAsync(quiz.SubmitAnswer, "the Submit answer button");
        await page.Keyboard.PressAsync("Enter");

        // Assert
        await quiz.ExpectFeedbackAsync();
        await Expect(quiz.Verdict).ToHaveTextAsync("Correct.");

        // Act: F flags; then Tab to "Next question" and Enter
        await page.Keyboard.PressAsync("F");
        await quiz.ExpectNoticeAsync("Question flagged.");
        await KeyboardNavigation.TabToAsync(page, quiz.Next, maxPresses: 30);
        await Expect(quiz.Next).ToHaveTextAsync("Next question");
        await KeyboardNavigation.ShouldShowFocusAsync(quiz.Next, "the Next question link");
        await page.Keyboard.PressAsync("Enter");

        // Assert
        await quiz.ExpectAtAsync(position + 1, QuickTen);
    });

    [GeneratedRegex("^/Modules/mock-basics#(planning|quality)-section$")]
    private static partial Regex SourceSection();
}

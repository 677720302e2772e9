using System.Text.RegularExpressions;
using CertPrep.Tests.Shared;
using CertPrep.Web.UiTests.Infrastructure;
using CertPrep.Web.UiTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Exams;

/// <summary>
/// Mock exams in the browser on the small credential, whose full form holds every one of its questions: autosave,
/// flags, a reload mid-exam, the review grid, the report, the server-side deadline and the keyboard.
/// </summary>
[Collection(UiCollection.Name)]
public sealed partial class ExamTests(BrowserFixture ui, ITestOutputHelper output)
{
    /// <summary>Two domains of two single-answer, one multiple-answer, one numeric and one calculated question.</summary>
    private const int MiniQuestions = 10;

    [Fact]
    public Task Exam_KeepsAnswerAndFlagOverReloadAndReportsEveryQuestion_WhenReviewedAndSubmitted() => ui.RunAsync(async page =>
    {
        // Arrange
        await Learners.SignInEnrolledAsync(ui, page, ExamContent.SmallCredentialId);
        var exam = await new ExamsPage(page).StartAsync(ExamContent.SmallCredentialId, "Full exam");
        (await exam.TotalAsync()).ShouldBe(MiniQuestions);
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);

        // Act: answer question 1 (saved as chosen), flag question 2, go to question 3 and reload
        var answer = await exam.Answer.AnswerAsync(correctly: true);
        await exam.ExpectSavedAsync();
        await exam.SaveAndNextAsync();
        await exam.Flag.CheckAsync();
        await exam.ExpectSavedAsync();

        // Assert: the grid on the same page already tells, in words and colour, that question 2 is flagged, not answered
        await exam.GridToggle.ClickAsync();
        await Expect(exam.Grid.Cell(2)).ToHaveAccessibleNameAsync("Question 2, unanswered, flagged");
        await Expect(exam.Grid.CellItem(2)).Not.ToHaveClassAsync(AnsweredCell());
        await Expect(exam.Grid.Cell(1)).ToHaveAccessibleNameAsync("Question 1, answered");

        // Act
        await exam.SaveAndNextAsync();
        await page.ReloadAsync();

        // Assert: the same question, the clock still running, question 1's answer and question 2's flag kept
        await exam.ExpectAtAsync(3);
        await Expect(exam.TimerDisplay).ToHaveTextAsync(TimeLeft());
        (await exam.SecondsLeftAsync()).ShouldBeInRange(1, ExamContent.Minutes * 60);
        await Expect(exam.AnsweredCount).ToHaveTextAsync("1");
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);
        await exam.GoToAsync(1);
        await exam.Answer.ExpectShownAsync(answer);
        await Expect(exam.Flag).Not.ToBeCheckedAsync();
        await exam.GoToAsync(2);
        await Expect(exam.Flag).ToBeCheckedAsync();

        // Act
        var review = await exam.ReviewAsync();

        // Assert: the counts, and every grid cell says its state in words
        await Expect(review.Counts).ToHaveTextAsync(["1 answered", $"{MiniQuestions - 1} unanswered", "1 flagged for review"]);
        await Expect(review.Grid.Cells).ToHaveCountAsync(MiniQuestions);
        await Expect(review.Grid.Answered).ToHaveCountAsync(1);
        await Expect(review.Grid.Unanswered).ToHaveCountAsync(MiniQuestions - 1);
        await Expect(review.Grid.Flagged).ToHaveCountAsync(1);
        await Expect(review.Grid.Cell(1)).ToHaveAccessibleNameAsync("Question 1, answered");
        await Expect(review.Grid.Cell(2)).ToHaveAccessibleNameAsync("Question 2, unanswered, flagged");
        await Expect(review.Grid.Cell(3)).ToHaveAccessibleNameAsync("Question 3, unanswered");
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);

        // Act
        var report = await review.SubmitAsync();

        // Assert: the raw score, the projection marked as an estimate, and every question reviewed
        await Expect(report.RawScore).ToHaveTextAsync($"1 of {MiniQuestions} scored questions right (10%); {MiniQuestions - 1} left unanswered.");
        await Expect(report.Projection).ToContainTextAsync("Estimate");
        await Expect(report.Projection).ToContainTextAsync("pass mark 300");
        await Expect(report.ReviewItems).ToHaveCountAsync(MiniQuestions);
        await Expect(report.Verdict(1)).ToHaveTextAsync("Correct.");
        await Expect(report.Verdict(2)).ToHaveTextAsync("Not answered.");
        await Expect(report.ItemHeading(2)).ToContainTextAsync("flagged");
        await Expect(report.RedoMissed).ToBeVisibleAsync();
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);
    });

    [Fact]
    public Task Exam_IsSubmittedAutomaticallyWithSavedAnswers_WhenTimeRunsOut() => ui.RunAsync(async page =>
    {
        // Arrange
        await Learners.SignInEnrolledAsync(ui, page, ExamContent.SmallCredentialId);
        var exam = await new ExamsPage(page).StartAsync(ExamContent.SmallCredentialId, "Full exam");
        await exam.Answer.AnswerAsync(correctly: true);
        await exam.ExpectSavedAsync();
        var report = new ReportPage(page);

        // Act: the server's clock passes the deadline; the learner reloads the question
        using (ui.AdvanceClock(TimeSpan.FromMinutes(ExamContent.Minutes + 1)))
        {
            await page.ReloadAsync();
            await report.ExpectOpenAsync();
        }

        // Assert
        await Expect(report.Notice).ToHaveTextAsync("Time is up: your exam was submitted with the answers you had saved.");
        await Expect(report.Submitted).ToContainTextAsync("automatically when time ran out");
        await Expect(report.RawScore).ToHaveTextAsync($"1 of {MiniQuestions} scored questions right (10%); {MiniQuestions - 1} left unanswered.");
        await Expect(report.Verdict(1)).ToHaveTextAsync("Correct.");
        await Expect(report.ReviewItems).ToHaveCountAsync(MiniQuestions);
    });

    [Fact]
    public Task Autosave_KeepsTheAnswerAndSendsItAgain_WhenTheServerIsTemporarilyUnavailable() => ui.RunAsync(async page =>
    {
        // Arrange: the first save meets a 503, as while the database is unreachable (DatabaseOutageTests has the server side)
        await Learners.SignInEnrolledAsync(ui, page, ExamContent.SmallCredentialId);
        var exam = await new ExamsPage(page).StartAsync(ExamContent.SmallCredentialId, "Full exam");
        await exam.SkipToAsync(QuestionKind.SingleAnswer); // one choice, one save
        var refused = 0;
        await page.RouteAsync(SaveRequest(), async route =>
        {
            if (Interlocked.Increment(ref refused) == 1)
            {
                await route.FulfillAsync(new()
                {
                    Status = 503,
                    Headers = new Dictionary<string, string> { ["Retry-After"] = "5" },
                    ContentType = "application/json",
                    Body = """{"saved":false,"unavailable":true,"message":"CertPrep cannot reach or write its database right now."}""",
                });
                return;
            }

            await route.ContinueAsync();
        });

        // Act
        var answer = await exam.Answer.AnswerAsync(correctly: true);

        // Assert: never "Saved." for the refused save; the same answer goes out again by itself and is kept
        await Expect(exam.SaveStatus).ToHaveTextAsync("Temporarily unavailable: your answer is kept on this page and will be saved when the site is back.");
        await Expect(exam.SaveStatus).ToHaveTextAsync("Saved.", new() { Timeout = 30_000 }); // Retry-After is 5 s
        Volatile.Read(ref refused).ShouldBeGreaterThanOrEqualTo(2);
        await page.ReloadAsync();
        await exam.Answer.ExpectShownAsync(answer);
    });

    [Fact]
    public Task Exam_SavesFlagsAndMovesOn_WhenOperatedWithKeyboardOnly() => ui.RunAsync(async page =>
    {
        // Arrange (the mouse may set up): a single-answer question, whose options are a group labelled by a legend
        await Learners.SignInEnrolledAsync(ui, page, ExamContent.SmallCredentialId);
        var exam = await new ExamsPage(page).StartAsync(ExamContent.SmallCredentialId, "Full exam");
        await exam.SkipToAsync(QuestionKind.SingleAnswer);
        var position = await exam.PositionAsync();
        await Expect(exam.Answer.Options).ToHaveCountAsync(1);
        (await exam.Answer.Options.EvaluateAsync<string>("el => el.tagName + '>' + el.firstElementChild.tagName")).ShouldBe("FIELDSET>LEGEND");
        var first = exam.Answer.Radios.First;
        var key = exam.Answer.KeyOptions;

        // Act: Tab into the group, Space, arrow keys to the key (each choice is saved as it is made)
        await KeyboardNavigation.TabToAsync(page, first, maxPresses: 30);
        await KeyboardNavigation.ShouldShowFocusAsync(first, "the first option");
        await page.Keyboard.PressAsync("Space");
        for (var presses = 0; presses < 3 && !await key.IsCheckedAsync(); presses++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        // Assert
        await Expect(key).ToBeCheckedAsync();
        await KeyboardNavigation.ShouldShowFocusAsync(key, "the keyed option");
        await exam.ExpectSavedAsync();

        // Act: F flags the question (saved too), then Tab to "Save and next" and Enter
        await page.Keyboard.PressAsync("F");
        await Expect(exam.Flag).ToBeCheckedAsync();
        await exam.ExpectSavedAsync();
        await KeyboardNavigation.TabToAsync(page, exam.SaveAndNext, maxPresses: 5);
        await KeyboardNavigation.ShouldShowFocusAsync(exam.SaveAndNext, "the Save and next button");
        await page.Keyboard.PressAsync("Enter");

        // Assert
        await exam.ExpectAtAsync(position + 1);

        // Act: open the grid with the keyboard and Tab to the flagged question
        await KeyboardNavigation.TabToAsync(page, exam.GridToggle, maxPresses: 40);
        await KeyboardNavigation.ShouldShowFocusAsync(exam.GridToggle, "the 'All questions' disclosure");
        await page.Keyboard.PressAsync("Enter");
        var flagged = exam.Grid.Cell(position);
        await Expect(flagged).ToHaveAccessibleNameAsync($"Question {position}, answered, flagged");
        var unfocused = await KeyboardNavigation.FocusStyleAsync(flagged);
        await KeyboardNavigation.TabToAsync(page, flagged, maxPresses: MiniQuestions);

        // Assert: focus shows on a flagged cell, whose own outline already marks the flag
        await KeyboardNavigation.ShouldShowFocusDistinctlyAsync(flagged, unfocused, "the flagged question's grid link");
        await page.Keyboard.PressAsync("Enter");
        await exam.ExpectAtAsync(position);
        await Expect(key).ToBeCheckedAsync();
        await Expect(exam.Flag).ToBeCheckedAsync();
    });

    [GeneratedRegex(@"\bis-answered\b")]
    private static partial Regex AnsweredCell();

    /// <summary>A countdown such as 29:58, not yet at zero.</summary>
    [GeneratedRegex(@"^(?!00:00$)\d{2}:\d{2}$")]
    private static partial Regex TimeLeft();

    /// <summary>The exam page's autosave post.</summary>
    [GeneratedRegex(@"/Take\?handler=Save$")]
    private static partial Regex SaveRequest();
}

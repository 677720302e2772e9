using CertPrep.Tests.Shared;
using CertPrep.Web.UiTests.Infrastructure;
using CertPrep.Web.UiTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Adaptive;

/// <summary>Adaptive practice, the Mastery page and item analysis in the browser, with axe-core on each.</summary>
[Collection(UiCollection.Name)]
public sealed class AdaptivePagesTests(BrowserFixture ui, ITestOutputHelper output)
{
    [Fact]
    public Task AdaptivePractice_SaysWhyEachQuestionWasChosen_AndMovesOnAfterEachAnswer() => ui.RunAsync(async page =>
    {
        await Learners.SignInEnrolledAsync(ui, page, ExamContent.CredentialId);
        await page.GotoAsync($"/Practice?credential={ExamContent.CredentialId}");
        await page.GetByTestId("adaptive-form").GetByLabel("Questions", new() { Exact = true }).FillAsync("3");
        await page.GetByTestId("start-adaptive").ClickAsync();

        var quiz = new QuizPage(page);
        await Expect(page.GetByTestId("selection-reason")).ToContainTextAsync("Why this question:");
        await Expect(quiz.Heading).ToHaveTextAsync("Question 1 of 3");
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);

        await quiz.Answer.AnswerAsync(correctly: true);
        await quiz.SubmitAsync();
        await quiz.Next.ClickAsync();

        await Expect(quiz.Heading).ToHaveTextAsync("Question 2 of 3");
        await Expect(page.GetByTestId("selection-reason")).ToContainTextAsync("Why this question:");
    });

    [Fact]
    public Task MasteryPage_ShowsEveryDomain_AndWhatEvidenceReadinessStillNeeds() => ui.RunAsync(async page =>
    {
        await Learners.SignInEnrolledAsync(ui, page, ExamContent.CredentialId);
        await page.GotoAsync($"/Mastery/{ExamContent.CredentialId}");

        await Expect(page.GetByTestId("readiness-missing")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("mastery-table").Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByRole(AriaRole.Table)).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex("^Predicted share correct"));
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);
    });

    [Fact]
    public Task ItemAnalysis_IsFilteredAndSortedWithTheKeyboard_AndHasNoSeriousAxeViolations() => ui.RunAsync(async page =>
    {
        var email = await ui.CreateUserAsync("Author");
        await new LoginPage(page).GotoAsync();
        await new LoginPage(page).SignInAsync(email, TestAccounts.Password);
        await page.GotoAsync($"/Author/Items?credential={ExamContent.CredentialId}");
        await Expect(page.GetByTestId("item-table")).ToBeVisibleAsync();
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);

        await page.GetByLabel("Sort by").SelectOptionAsync("id");
        await page.GetByLabel("Id or topic").FillAsync("planning");
        await page.GetByLabel("Id or topic").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=id"));
        var ids = await page.GetByTestId("item-table").Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.question)");
        ids.Length.ShouldBeGreaterThan(0);
        ids.ShouldBe(ids.Order(StringComparer.Ordinal).ToArray());
        ids.ShouldAllBe(id => id.Contains("planning"));
    });
}

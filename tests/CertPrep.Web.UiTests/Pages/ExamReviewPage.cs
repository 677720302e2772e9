using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Pages;

/// <summary>/Exams/{id}/Review: the counts, the grid of every question and "Submit the exam".</summary>
public sealed partial class ExamReviewPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Review your answers", Level = 1 });

    /// <summary>"n answered", "n unanswered", "n flagged for review".</summary>
    public ILocator Counts => page.GetByTestId("review-counts").GetByRole(AriaRole.Listitem);

    public ExamGrid Grid { get; } = new(page);

    public ILocator SubmitButton => page.GetByTestId("submit-exam");

    public async Task ExpectOpenAsync()
    {
        await Expect(page).ToHaveURLAsync(ReviewUrl());
        await Expect(Heading).ToBeVisibleAsync();
    }

    public async Task<ReportPage> SubmitAsync()
    {
        await SubmitButton.ClickAsync();
        var report = new ReportPage(page);
        await report.ExpectOpenAsync();
        return report;
    }

    [GeneratedRegex(@"/Exams/\d+/Review$")]
    private static partial Regex ReviewUrl();
}

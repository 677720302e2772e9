using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Pages;

/// <summary>/Exams/{id}/Report: raw score, the projection (an estimate), scores per domain and every question reviewed.</summary>
public sealed partial class ReportPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The line under the heading: when and how the exam was submitted.</summary>
    public ILocator Submitted => page.GetByText(SubmittedLine());

    public ILocator RawScore => page.GetByTestId("raw-score");

    public ILocator Projection => page.GetByTestId("projection");

    /// <summary>One per question of the exam, in order, each with its stem, verdict and explanation.</summary>
    public ILocator ReviewItems => page.GetByTestId("review-item");

    public ILocator Verdict(int position) => ReviewItems.Nth(position - 1).GetByTestId("verdict");

    /// <summary>A reviewed question's heading: "Question n · domain · time[ · flagged]".</summary>
    public ILocator ItemHeading(int position) =>
        ReviewItems.Nth(position - 1).GetByRole(AriaRole.Heading, new() { NameRegex = new Regex($"^Question {position} ") });

    public ILocator RedoMissed => page.GetByRole(AriaRole.Button, new() { Name = "Redo the ones I missed", Exact = true });

    /// <summary>The one-off notice after a redirect (role=status), e.g. that time ran out.</summary>
    public ILocator Notice => page.GetByRole(AriaRole.Status);

    public async Task ExpectOpenAsync()
    {
        await Expect(page).ToHaveURLAsync(ReportUrl());
        await Expect(Heading).ToContainTextAsync("score report");
    }

    [GeneratedRegex(@"/Exams/\d+/Report$")]
    private static partial Regex ReportUrl();

    [GeneratedRegex("^Submitted ")]
    private static partial Regex SubmittedLine();
}

using CertPrep.Tests.Shared;
using CertPrep.Web.UiTests.Infrastructure;
using CertPrep.Web.UiTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Exams;

/// <summary>A mock exam on a small phone (375 px wide): the question, the grid and the report never scroll sideways.</summary>
[Collection(UiCollection.Name)]
public sealed class ExamLayoutTests(BrowserFixture ui)
{
    private static BrowserNewContextOptions Phone => new()
    {
        ViewportSize = new ViewportSize { Width = 375, Height = 812 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
    };

    [Fact]
    public Task TakeReviewAndReport_FitTheWidth_WhenViewportIs375PxWide() => ui.RunAsync(async page =>
    {
        // Arrange
        await Learners.SignInEnrolledAsync(ui, page, ExamContent.SmallCredentialId);
        var exam = await new ExamsPage(page).StartAsync(ExamContent.SmallCredentialId, "Full exam");

        // Act: an answered question with the grid open
        await exam.Answer.AnswerAsync(correctly: true);
        await exam.ExpectSavedAsync();
        await exam.GridToggle.ClickAsync();
        await Expect(exam.Grid.Cells).ToHaveCountAsync(10);

        // Assert
        await Geometry.ShouldNotScrollHorizontallyAsync(page);
        await Geometry.ShouldAllFitViewportWidthAsync(page, exam.Grid.Cells, "the grid's question links");
        await Geometry.ShouldAllFitViewportWidthAsync(page, exam.Timer, "the timer");
        await Geometry.ShouldAllFitViewportWidthAsync(page, exam.ReviewAndSubmit, "the Review and submit button");

        // Act + Assert
        var review = await exam.ReviewAsync();
        await Geometry.ShouldNotScrollHorizontallyAsync(page);
        await Geometry.ShouldAllFitViewportWidthAsync(page, review.SubmitButton, "the Submit the exam button");
        var report = await review.SubmitAsync();
        await Expect(report.ReviewItems).ToHaveCountAsync(10);
        await Geometry.ShouldNotScrollHorizontallyAsync(page);
        await Geometry.ShouldAllFitViewportWidthAsync(page, report.RawScore, "the raw score");
        await Geometry.ShouldAllFitViewportWidthAsync(page, report.Projection, "the projection");
    }, Phone);
}

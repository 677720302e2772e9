using CertPrep.Tests.Shared;
using CertPrep.Web.UiTests.Infrastructure;
using CertPrep.Web.UiTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Accessibility;

/// <summary>
/// axe-core on the foundation pages, in light and dark mode (the site follows prefers-color-scheme, so colour
/// contrast is checked for both palettes). Serious and critical violations fail.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class AxeTests(BrowserFixture ui, ITestOutputHelper output)
{
    public static TheoryData<ColorScheme> Schemes => new() { ColorScheme.Light, ColorScheme.Dark };

    [Theory]
    [MemberData(nameof(Schemes))]
    public Task LandingPage_HasNoSeriousAxeViolations_WhenShownInColorScheme(ColorScheme scheme) => ui.RunAsync(async page =>
    {
        // Arrange
        await new LandingPage(page).GotoAsync();
        await ShouldUseSchemeAsync(page, scheme);

        // Act + Assert
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);
    }, InScheme(scheme), scheme.ToString());

    [Theory]
    [MemberData(nameof(Schemes))]
    public Task SignInPage_HasNoSeriousAxeViolations_WhenShownInColorScheme(ColorScheme scheme) => ui.RunAsync(async page =>
    {
        // Arrange
        await new LoginPage(page).GotoAsync();
        await ShouldUseSchemeAsync(page, scheme);

        // Act + Assert
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);
    }, InScheme(scheme), scheme.ToString());

    [Theory]
    [MemberData(nameof(Schemes))]
    public Task SignInPage_HasNoSeriousAxeViolations_WhenShowingErrorsInColorScheme(ColorScheme scheme) => ui.RunAsync(async page =>
    {
        // Arrange: a refused sign-in, so the error summary and its colours are on the page
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.Email.FillAsync(TestAccounts.NewEmail("nobody"));
        await login.Password.FillAsync("not the right password");
        await login.SubmitButton.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match an account");
        await ShouldUseSchemeAsync(page, scheme);

        // Act + Assert
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);
    }, InScheme(scheme), scheme.ToString());

    [Theory]
    [MemberData(nameof(Schemes))]
    public Task RegisterPage_HasNoSeriousAxeViolations_WhenShownInColorScheme(ColorScheme scheme) => ui.RunAsync(async page =>
    {
        // Arrange
        await new RegisterPage(page).GotoAsync();
        await ShouldUseSchemeAsync(page, scheme);

        // Act + Assert
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);
    }, InScheme(scheme), scheme.ToString());

    [Theory]
    [MemberData(nameof(Schemes))]
    public Task Dashboard_HasNoSeriousAxeViolations_WhenSignedInAndShownInColorScheme(ColorScheme scheme) => ui.RunAsync(async page =>
    {
        // Arrange
        var email = await ui.CreateLearnerAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync(email, TestAccounts.Password);
        await ShouldUseSchemeAsync(page, scheme);

        // Act + Assert
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);
    }, InScheme(scheme), scheme.ToString());

    public static TheoryData<string, ColorScheme> PlanAndDataPages()
    {
        var data = new TheoryData<string, ColorScheme>();
        foreach (var path in new[] { "/Today", $"/Plan/{ExamContent.CredentialId}", $"/Plan/{ExamContent.CredentialId}?view=month", $"/Plan/{ExamContent.CredentialId}/Setup", "/Plan/Calendar", "/Account/Data" })
        {
            data.Add(path, ColorScheme.Light);
            data.Add(path, ColorScheme.Dark);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PlanAndDataPages))]
    public Task StudyPlanAndDataPages_HaveNoSeriousAxeViolations_InEitherColorScheme(string path, ColorScheme scheme) => ui.RunAsync(async page =>
    {
        // Arrange
        await Learners.SignInEnrolledAsync(ui, page, ExamContent.CredentialId);

        // Act
        await page.GotoAsync(ui.BaseUrl + path);
        await ShouldUseSchemeAsync(page, scheme);

        // Assert
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);
    }, InScheme(scheme), $"{path.Replace('/', '_')}-{scheme}");

    private static BrowserNewContextOptions InScheme(ColorScheme scheme) => new() { ColorScheme = scheme };

    /// <summary>Guards the test itself: a dark run that rendered the light palette would prove nothing.</summary>
    private static async Task ShouldUseSchemeAsync(IPage page, ColorScheme scheme)
    {
        var dark = await page.EvaluateAsync<bool>("() => matchMedia('(prefers-color-scheme: dark)').matches");
        dark.ShouldBe(scheme == ColorScheme.Dark, $"the page should render in the {scheme} color scheme");
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        background.ShouldBe(scheme == ColorScheme.Dark ? "rgb(15, 20, 25)" : "rgb(255, 255, 255)", "body background of the site's palette");
    }
}

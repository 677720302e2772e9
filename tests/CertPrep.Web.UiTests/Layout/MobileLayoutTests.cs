using CertPrep.Web.UiTests.Infrastructure;
using CertPrep.Web.UiTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Layout;

/// <summary>The site on a small phone (375 px wide): nothing scrolls sideways, navigation and forms stay usable.</summary>
[Collection(UiCollection.Name)]
public sealed class MobileLayoutTests(BrowserFixture ui)
{
    private static BrowserNewContextOptions Phone => new()
    {
        ViewportSize = new ViewportSize { Width = 375, Height = 812 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
    };

    [Fact]
    public Task LandingPage_FitsWidthWithVisibleNavigation_WhenViewportIs375PxWide() => ui.RunAsync(async page =>
    {
        // Arrange
        var header = new SiteHeader(page);

        // Act
        await new LandingPage(page).GotoAsync();

        // Assert
        await Geometry.ShouldNotScrollHorizontallyAsync(page);
        await Expect(header.SignInLink).ToBeVisibleAsync();
        await Expect(header.CreateAccountLink).ToBeVisibleAsync();
        await Geometry.ShouldAllFitViewportWidthAsync(page, header.NavigationLinks, "header navigation links");
    }, Phone);

    [Fact]
    public Task Dashboard_FitsWidthWithVisibleNavigation_WhenViewportIs375PxWideAndSignedIn() => ui.RunAsync(async page =>
    {
        // Arrange
        var email = await ui.CreateLearnerAsync();
        var header = new SiteHeader(page);
        var login = new LoginPage(page);
        await login.GotoAsync();

        // Act
        await login.SignInAsync(email, TestAccounts.Password);

        // Assert
        await Geometry.ShouldNotScrollHorizontallyAsync(page);
        await Expect(header.DashboardLink).ToBeVisibleAsync();
        await Expect(header.SignOutButton).ToBeVisibleAsync();
        await Geometry.ShouldAllFitViewportWidthAsync(page, header.NavigationLinks, "header navigation links");
        await Geometry.ShouldAllFitViewportWidthAsync(page, header.SignOutButton, "the sign-out button");
    }, Phone);

    [Theory]
    [InlineData(LoginPage.Path)]
    [InlineData(RegisterPage.Path)]
    public Task AccountForm_InputsAndButtonsFitWidth_WhenViewportIs375PxWide(string path) => ui.RunAsync(async page =>
    {
        // Arrange
        var main = page.GetByRole(AriaRole.Main);

        // Act
        await page.GotoAsync(path);

        // Assert
        await Expect(main.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Geometry.ShouldNotScrollHorizontallyAsync(page);
        await Geometry.ShouldAllFitViewportWidthAsync(page, main.Locator("input:not([type=hidden])"), "form inputs");
        await Geometry.ShouldAllFitViewportWidthAsync(page, main.GetByRole(AriaRole.Button), "form buttons");
    }, Phone, variant: path.Split('/')[^1]);
}

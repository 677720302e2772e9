using CertPrep.Web.UiTests.Infrastructure;
using CertPrep.Web.UiTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Accessibility;

/// <summary>Everything on the foundation pages works with the keyboard alone, and focus is always visible.</summary>
[Collection(UiCollection.Name)]
public sealed class KeyboardTests(BrowserFixture ui)
{
    [Fact]
    public Task SkipLink_IsFirstTabStopAndMovesFocusToMain_WhenActivatedWithEnter() => ui.RunAsync(async page =>
    {
        // Arrange
        var header = new SiteHeader(page);
        await new LandingPage(page).GotoAsync();

        // Act
        await page.Keyboard.PressAsync("Tab");

        // Assert: the first Tab lands on the skip link, which is then on screen and visibly focused
        await Expect(header.SkipLink).ToBeFocusedAsync();
        await Expect(header.SkipLink).ToBeInViewportAsync(new() { Ratio = 1 });
        await KeyboardNavigation.ShouldShowFocusAsync(header.SkipLink, "the skip link");

        // Act
        await page.Keyboard.PressAsync("Enter");

        // Assert
        await Expect(page.Locator("#main")).ToBeFocusedAsync();
        new Uri(page.Url).Fragment.ShouldBe("#main");
        await Expect(header.SkipLink).Not.ToBeInViewportAsync();
    });

    [Fact]
    public Task SignIn_ReachesDashboard_WhenFormIsCompletedWithKeyboardOnly() => ui.RunAsync(async page =>
    {
        // Arrange
        var email = await ui.CreateLearnerAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();

        // Act: Tab into the form, type, Tab, type, Tab over the checkbox to the button, Enter
        await KeyboardNavigation.TabToAsync(page, login.Email);
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await Expect(login.Password).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(TestAccounts.Password);
        await page.Keyboard.PressAsync("Tab");
        await Expect(login.RememberMe).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await KeyboardNavigation.ShouldShowFocusAsync(login.SubmitButton, "the Sign in button");
        await page.Keyboard.PressAsync("Enter");

        // Assert
        var dashboard = new DashboardPage(page);
        await dashboard.ExpectOpenAsync();
        await Expect(dashboard.Name).ToHaveTextAsync(email);
    });

    [Fact]
    public Task FocusIndicator_IsVisible_WhenHeaderLinkAndFormControlsAreReachedWithTab() => ui.RunAsync(async page =>
    {
        // Arrange
        var header = new SiteHeader(page);
        var login = new LoginPage(page);
        await login.GotoAsync();

        // Act + Assert: a link, a text input, a checkbox and a button, each reached with Tab
        await KeyboardNavigation.TabToAsync(page, header.SignInLink);
        await KeyboardNavigation.ShouldShowFocusAsync(header.SignInLink, "the header 'Sign in' link");
        await KeyboardNavigation.TabToAsync(page, login.Email);
        await KeyboardNavigation.ShouldShowFocusAsync(login.Email, "the e-mail field");
        await KeyboardNavigation.TabToAsync(page, login.RememberMe);
        await KeyboardNavigation.ShouldShowFocusAsync(login.RememberMe, "the 'Keep me signed in' checkbox");
        await KeyboardNavigation.TabToAsync(page, login.SubmitButton);
        await KeyboardNavigation.ShouldShowFocusAsync(login.SubmitButton, "the Sign in button");
    });

    [Fact]
    public Task SignOutButton_ShowsFocusAndSignsOut_WhenReachedWithTabAndPressedWithEnter() => ui.RunAsync(async page =>
    {
        // Arrange
        var email = await ui.CreateLearnerAsync();
        var header = new SiteHeader(page);
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync(email, TestAccounts.Password);

        // Act
        await KeyboardNavigation.TabToAsync(page, header.SignOutButton);
        await KeyboardNavigation.ShouldShowFocusAsync(header.SignOutButton, "the header 'Sign out' button");
        await page.Keyboard.PressAsync("Enter");

        // Assert
        await Expect(page).ToHaveURLAsync(Urls.WithPath(LandingPage.Path));
        await Expect(new LandingPage(page).StatusNotice).ToHaveTextAsync("You are signed out.");
    });
}

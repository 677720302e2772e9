using CertPrep.Web.UiTests.Infrastructure;
using CertPrep.Web.UiTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Study;

/// <summary>Reading imported content in the browser: catalog to module, math rendered, glossary links, author preview.</summary>
[Collection(UiCollection.Name)]
public sealed class StudyPagesTests(BrowserFixture ui, ITestOutputHelper output)
{
    [Fact]
    public Task Module_RendersMathAndLinksToTheGlossary_WhenLearnerReadsIt() => ui.RunAsync(async page =>
    {
        var email = await ui.CreateUserAsync();
        await new LoginPage(page).GotoAsync();
        await new LoginPage(page).SignInAsync(email, TestAccounts.Password);

        await page.GotoAsync("/Credentials");
        await page.GetByRole(AriaRole.Link, new() { Name = "Demonstration Certificate in Operations" }).ClickAsync();
        await Expect(page.GetByText("unconfirmed").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Planning basics" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Planning basics", Level = 1 })).ToBeVisibleAsync();
        var math = page.Locator(".module-body .math-rendered math");
        await Expect(math.First).ToBeAttachedAsync();
        (await math.CountAsync()).ShouldBe(2); // one inline formula and one display formula
        await Expect(page.Locator(".module-body aside.callout-example")).ToContainTextAsync("Worked example: EOQ");
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);

        await page.Locator(".module-body a.term", new() { HasText = "Safety stock" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Glossary#safety-stock$"));
        await Expect(page.Locator("dt#safety-stock")).ToBeInViewportAsync();
        await Expect(page.Locator("dt#safety-stock + dd")).ToContainTextAsync("protect against variation");
    });

    [Fact]
    public Task Module_FitsAPhoneScreen_WhenViewportIs375PxWide() => ui.RunAsync(async page =>
    {
        var email = await ui.CreateUserAsync();
        await new LoginPage(page).GotoAsync();
        await new LoginPage(page).SignInAsync(email, TestAccounts.Password);

        await page.GotoAsync("/Modules/demo-planning");
        await Expect(page.Locator(".module-body .math-rendered").First).ToBeAttachedAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, "the module page scrolls sideways on a phone");
    }, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 812 } });

    [Fact]
    public Task Preview_ShowsTheQuestionAsLearnersSeeIt_WithKeyAndDraws_WhenAuthorOpensIt() => ui.RunAsync(async page =>
    {
        var email = await ui.CreateUserAsync("Author");
        await new LoginPage(page).GotoAsync();
        await new LoginPage(page).SignInAsync(email, TestAccounts.Password);

        await page.GotoAsync("/Author/Questions");
        await page.GetByRole(AriaRole.Link, new() { Name = "demo-plan-004" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "As the learner sees it" })).ToBeVisibleAsync();
        await Expect(page.Locator(".draws li")).ToHaveCountAsync(3);
        await Expect(page.GetByLabel("Your answer")).ToBeDisabledAsync();
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);

        await page.GotoAsync("/Author/Preview/demo-plan-001");
        await Expect(page.Locator(".rationales .key")).ToContainTextAsync("To protect service levels");
        await Expect(page.GetByRole(AriaRole.Radio)).ToHaveCountAsync(4);
    });
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Pages;

/// <summary>/Enrolments: one card and form per credential.</summary>
public sealed class EnrolmentsPage(IPage page)
{
    public const string Path = "/Enrolments";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Your exams", Level = 1 });

    public ILocator Card(string credentialId) => page.GetByTestId($"enrol-{credentialId}");

    public ILocator EnrolButton(string credentialId) => Card(credentialId).GetByRole(AriaRole.Button, new() { Name = "Enrol", Exact = true });

    public async Task GotoAsync()
    {
        await page.GotoAsync(Path);
        await Expect(Heading).ToBeVisibleAsync();
    }

    /// <summary>Enrols with the form's defaults (the first exam form, no date) and waits for the dashboard's notice.</summary>
    public async Task EnrolAsync(string credentialId)
    {
        await GotoAsync();
        await EnrolButton(credentialId).ClickAsync();
        await new DashboardPage(page).ExpectOpenAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Enrolment saved.");
    }
}

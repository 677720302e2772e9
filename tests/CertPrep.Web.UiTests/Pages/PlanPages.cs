using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Pages;

/// <summary>/Today: the day's tasks per enrolment.</summary>
public sealed class TodayPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Today", Level = 1 });

    public ILocator Task(string taskId) => page.Locator($"[data-testid=task][data-task='{taskId}']");

    public ILocator Summary(string credentialId) => page.GetByTestId($"today-{credentialId}").GetByTestId("today-summary");

    public async Task GotoAsync(string baseUrl)
    {
        await page.GotoAsync($"{baseUrl}/Today");
        await Expect(Heading).ToBeVisibleAsync();
    }
}

/// <summary>/Plan/{credential}: summary, calendar views, hours chart and the change log.</summary>
public sealed class PlanPage(IPage page)
{
    public ILocator WeeklyHours => page.GetByTestId("weekly-hours");

    public ILocator Week => page.GetByTestId("plan-week");

    public ILocator Month => page.GetByTestId("plan-month");

    public ILocator Changes => page.GetByTestId("plan-changes");

    public ILocator Settings => page.GetByRole(AriaRole.Link, new() { Name = "Change plan settings" });

    public async Task GotoAsync(string baseUrl, string credentialId)
    {
        await page.GotoAsync($"{baseUrl}/Plan/{credentialId}");
        await Expect(Week).ToBeVisibleAsync();
    }
}

/// <summary>/Plan/{credential}/Setup: the plan's settings form.</summary>
public sealed class PlanSetupPage(IPage page)
{
    public ILocator WeeklyHours => page.GetByLabel("Study hours per week");

    public ILocator Save => page.GetByRole(AriaRole.Button, new() { Name = "Save and re-plan" });
}

/// <summary>/Plan/Calendar: the .ics download and the private feed.</summary>
public sealed class PlanCalendarPage(IPage page)
{
    public ILocator Download => page.GetByTestId("download-ics");

    public ILocator CreateFeed => page.GetByTestId("create-feed");

    public ILocator FeedUrl => page.GetByTestId("feed-url");

    public async Task GotoAsync(string baseUrl)
    {
        await page.GotoAsync($"{baseUrl}/Plan/Calendar");
        await Expect(Download).ToBeVisibleAsync();
    }
}

using System.Globalization;
using System.Text;
using CertPrep.Tests.Shared;
using CertPrep.Web.UiTests.Infrastructure;
using CertPrep.Web.UiTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Planning;

/// <summary>The study plan in the browser: from enrolment with an exam date to today's tasks, a task ticked, a re-plan explained, and the calendar file.</summary>
[Collection(UiCollection.Name)]
public sealed class StudyPlanTests(BrowserFixture ui, ITestOutputHelper output)
{
    private const string Credential = ExamContent.CredentialId;

    [Fact]
    public Task Plan_ShowsToday_TicksATask_ExplainsAReplan_AndDownloadsAValidCalendar() => ui.RunAsync(async page =>
    {
        // Arrange: a learner enrols with an exam date six weeks out and 5 hours a week
        var email = await ui.CreateLearnerAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync(email, TestAccounts.Password);
        var enrolments = new EnrolmentsPage(page);
        await enrolments.GotoAsync();
        var exam = DateOnly.FromDateTime(ui.Clock.GetUtcNow().UtcDateTime).AddDays(42);
        await enrolments.Card(Credential).GetByLabel("Exam date (optional)").FillAsync(exam.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await enrolments.Card(Credential).GetByLabel("Study hours per week (optional)").FillAsync("5");
        await enrolments.EnrolButton(Credential).ClickAsync();
        await Expect(page.GetByTestId($"reminder-{Credential}")).ToContainTextAsync("left today");

        // Act: the dashboard's reminder leads to today's plan
        await page.GetByTestId($"reminder-{Credential}").GetByRole(AriaRole.Link, new() { Name = "Today's plan" }).ClickAsync();
        var today = new TodayPage(page);
        await Expect(today.Heading).ToBeVisibleAsync();

        // Assert: reading the module is today's first learning task, not done yet
        var read = today.Task("read:mock-basics");
        await Expect(read).ToHaveAttributeAsync("data-done", "false");
        await Expect(read).ToContainTextAsync("Read: Mock basics");
        await Expect(today.Summary(Credential)).ToContainTextAsync("left, about");
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);

        // Act: with the keyboard only, open the reading task, mark the module read, come back
        var readLink = read.GetByRole(AriaRole.Link, new() { Name = "Read" });
        await KeyboardNavigation.TabToAsync(page, readLink, maxPresses: 40);
        await KeyboardNavigation.ShouldShowFocusAsync(readLink, "the task's Read link");
        await page.Keyboard.PressAsync("Enter");
        var markRead = page.GetByRole(AriaRole.Button, new() { Name = "Mark as read" });
        await Expect(markRead).ToBeVisibleAsync();
        await markRead.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark as not read" })).ToBeVisibleAsync();
        await today.GotoAsync(ui.BaseUrl);

        // Assert: the task ticked itself off
        await Expect(read).ToHaveAttributeAsync("data-done", "true");
        await Expect(read).ToContainTextAsync("✓ Read: Mock basics");
        await Expect(read.Locator("progress")).ToHaveAttributeAsync("value", "100");

        // Act: change the weekly hours on the plan's settings
        var plan = new PlanPage(page);
        await plan.GotoAsync(ui.BaseUrl, Credential);
        await Expect(plan.WeeklyHours).ToContainTextAsync("5 hours a week");
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);
        await plan.Settings.ClickAsync();
        var setup = new PlanSetupPage(page);
        await Expect(setup.WeeklyHours).ToHaveValueAsync("5");
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);
        await setup.WeeklyHours.FillAsync("2");
        await setup.Save.ClickAsync();

        // Assert: the plan changed, and says what and why
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your plan was re-made");
        await Expect(plan.WeeklyHours).ToContainTextAsync("2 hours a week");
        await Expect(plan.Changes.Locator("> li").First).ToContainTextAsync("Weekly study hours changed from 5 to 2.");
        await page.GetByTestId("month-view").ClickAsync();
        await Expect(plan.Month).ToBeVisibleAsync();
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);

        // Act: download the calendar
        var calendar = new PlanCalendarPage(page);
        await calendar.GotoAsync(ui.BaseUrl);
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);
        var download = await page.RunAndWaitForDownloadAsync(() => calendar.Download.ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        var text = Encoding.UTF8.GetString(bytes);

        // Assert: valid RFC 5545 (CRLF, folded lines, required properties), readable by an independent parser
        download.SuggestedFilename.ShouldBe("certprep-study-plan.ics");
        text.ShouldStartWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:");
        text.ShouldEndWith("END:VCALENDAR\r\n");
        text.Split("\r\n").ShouldAllBe(line => Encoding.UTF8.GetByteCount(line) <= 75);
        text.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain("\n");
        var parsed = Ical.Net.Calendar.Load(text)!;
        parsed.Events.Count.ShouldBeGreaterThan(0);
        parsed.Events.ShouldAllBe(e => !string.IsNullOrEmpty(e.Uid) && e.DtStamp != null && e.DtStart != null && e.Duration != null && !string.IsNullOrEmpty(e.Summary));
        parsed.Events.ShouldContain(e => e.Summary == "Read: Mock basics (Mock Exam Certificate)" || e.Summary!.StartsWith("Practise", StringComparison.Ordinal) || e.Summary!.StartsWith("Adaptive practice", StringComparison.Ordinal));
        parsed.Events.Max(e => DateOnly.FromDateTime(e.DtStart!.Value)).ShouldBeLessThan(exam, "nothing is planned on or after the exam day");

        // Act and assert: the private feed can be created and is shown for copying
        await calendar.CreateFeed.ClickAsync();
        await Expect(calendar.FeedUrl).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"/calendar/[A-Za-z0-9_-]{43}\.ics$"));
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);
    });

    [Fact]
    public Task PlanThatDoesNotFit_OffersChoices_AndTakesOneWithTheKeyboard() => ui.RunAsync(async page =>
    {
        // Arrange: Wednesdays only and an exam on a Sunday, so no study day falls 7-10 days before the exam
        await Learners.SignInEnrolledAsync(ui, page, Credential);
        var today = DateOnly.FromDateTime(ui.Clock.GetUtcNow().UtcDateTime);
        var sunday = today.AddDays(20 + ((7 - (int)today.AddDays(20).DayOfWeek) % 7));
        await page.GotoAsync($"{ui.BaseUrl}/Plan/{Credential}/Setup");
        var setup = new PlanSetupPage(page);
        await page.GetByLabel("Exam date").FillAsync(sunday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await setup.WeeklyHours.FillAsync("3");
        foreach (var day in new[] { "Monday", "Tuesday", "Thursday", "Friday", "Saturday", "Sunday" })
        {
            await page.GetByRole(AriaRole.Group, new() { Name = "Study days" }).GetByLabel(day, new() { Exact = true }).UncheckAsync();
        }

        await setup.Save.ClickAsync();

        // Assert: the plan says it does not fit and offers checked choices
        var warning = page.GetByTestId("plan-does-not-fit");
        await Expect(warning).ToContainTextAsync("The plan does not fit before the exam");
        await Expect(warning).ToContainTextAsync($"Move the exam to {sunday.AddDays(3).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} or later");
        await AxeScan.ShouldHaveNoSeriousViolationsAsync(page, output);

        // Act: take the later date with the keyboard
        var choose = page.Locator("[data-testid=plan-option][data-kind=LaterExam]").GetByRole(AriaRole.Button);
        await KeyboardNavigation.TabToAsync(page, choose, maxPresses: 60);
        await KeyboardNavigation.ShouldShowFocusAsync(choose, "the Choose this button");
        await page.Keyboard.PressAsync("Enter");

        // Assert: the plan fits and the log says why it changed
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("re-made with your choice");
        await Expect(warning).ToHaveCountAsync(0);
        await Expect(new PlanPage(page).Changes.Locator("> li").First).ToContainTextAsync("The plan fits again.");
    });
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using CertPrep.Tests.Shared;
using CertPrep.Web.Planning;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Planning;

/// <summary>The study plan end to end: set-up, Today with tasks that tick themselves off, the Plan page, re-plans with reasons, the nightly job and mock exams.</summary>
public abstract class PlanFlowTests(LearningFixture app)
{
    private const string Credential = ExamContent.CredentialId;

    [Fact]
    public async Task Today_ShowsTheDaysTasks_AndTicksReadingAndPracticeOff_WhenTheLearnerDoesThem()
    {
        var learner = await app.EnrolledLearnerAsync();
        await SetUpAsync(learner, examInDays: 42, weeklyHours: 5);

        var today = await learner.Client.GetDocumentAsync("/Today");
        var read = Task(today, "read:mock-basics");
        read.GetAttribute("data-done").ShouldBe("false");
        read.QuerySelector("a")!.GetAttribute("href").ShouldBe("/Modules/mock-basics");
        read.QuerySelector("progress")!.GetAttribute("value").ShouldBe("0");
        var practice = Task(today, "practice:mock-basics");
        practice.TextContent.ShouldContain("0 of 10 questions");
        today.QuerySelector("[data-testid=today-summary]")!.TextContent.ShouldContain("tasks left");

        (await learner.Client.SubmitFormAsync("/Modules/mock-basics", new Dictionary<string, string>(), "form.mark-read")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var quiz = LearningRequests.QuizId(await learner.Client.SubmitAsync((IHtmlFormElement)practice.QuerySelector("form")!, "/Today"));
        for (var position = 1; position <= 10; position++)
        {
            await learner.AnswerPracticeAsync(quiz, position, key: position % 3 != 0);
        }

        var after = await learner.Client.GetDocumentAsync("/Today");
        Task(after, "read:mock-basics").GetAttribute("data-done").ShouldBe("true");
        Task(after, "read:mock-basics").QuerySelector("progress")!.GetAttribute("value").ShouldBe("100");
        Task(after, "practice:mock-basics").GetAttribute("data-done").ShouldBe("true");
        Task(after, "practice:mock-basics").TextContent.ShouldContain("10 of 10 questions");
    }

    [Fact]
    public async Task FirstPlan_IsMadeOnce_WhenSeveralPagesOpenAtTheSameMoment()
    {
        var learner = await app.EnrolledLearnerAsync();

        var responses = await System.Threading.Tasks.Task.WhenAll(Enumerable.Range(0, 4).Select(i => learner.Client.GetAsync(i % 2 == 0 ? "/Today" : "/Dashboard")));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await app.QueryAsync(db => db.StudyPlans.CountAsync(p => p.UserId == learner.UserId))).ShouldBe(1);
    }

    [Fact]
    public async Task Today_IsTheLearnersOwnDate_InTheirTimeZone()
    {
        var learner = await app.EnrolledLearnerAsync();
        // UTC+14 or UTC-12: whatever the hour, one of them is on another date than UTC (days start at 04:00).
        var now = app.Clock.GetUtcNow();
        DateOnly DateIn(string zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime.AddHours(-4));
        var zone = new[] { "Pacific/Kiritimati", "Etc/GMT+12" }.First(z => DateIn(z) != DateIn("UTC"));

        await SetUpAsync(learner, examInDays: 42, weeklyHours: 5, zone: zone);

        var today = await learner.Client.GetDocumentAsync("/Today");
        today.QuerySelector($"[data-testid=today-{Credential}] time")!.GetAttribute("datetime").ShouldBe(DateIn(zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var plan = await StoredPlanAsync(learner);
        plan.Record.Day.ShouldBe(DateIn(zone));
        plan.Plan.Days[0].Date.ShouldBe(DateIn(zone));
    }

    [Fact]
    public async Task Dashboard_RemindsOfTheTasksLeftToday()
    {
        var learner = await app.EnrolledLearnerAsync();
        await SetUpAsync(learner, examInDays: 42, weeklyHours: 5);

        var dashboard = await learner.Client.GetDocumentAsync("/Dashboard");

        var reminder = dashboard.QuerySelector($"[data-testid=reminder-{Credential}]")!.TextContent;
        reminder.ShouldMatch(@"\d+ tasks? left today \(about \d+ minutes\)");
        dashboard.QuerySelector($"[data-testid=reminder-{Credential}] a")!.GetAttribute("href").ShouldBe("/Today");
    }

    [Fact]
    public async Task ChangingWeeklyHours_ReplansAtOnce_AndSaysWhatChangedAndWhy()
    {
        var learner = await app.EnrolledLearnerAsync();
        await SetUpAsync(learner, examInDays: 42, weeklyHours: 5);
        var before = await StoredPlanAsync(learner);

        await SetUpAsync(learner, examInDays: 42, weeklyHours: 2);

        var page = await learner.Client.GetDocumentAsync($"/Plan/{Credential}");
        page.QuerySelector("[data-testid=weekly-hours]")!.TextContent.ShouldStartWith("2 hours a week");
        var changes = page.QuerySelector("[data-testid=plan-changes] li")!.TextContent;
        changes.ShouldContain("settings");
        changes.ShouldContain("Weekly study hours changed from 5 to 2.");
        var after = await StoredPlanAsync(learner);
        after.Record.Revision.ShouldBe(before.Record.Revision + 1);
        after.Plan.Days.Max(d => d.BudgetMinutes).ShouldBeLessThan(before.Plan.Days.Max(d => d.BudgetMinutes));
        after.Plan.Days.ShouldAllBe(d => d.PlannedMinutes <= d.BudgetMinutes);
    }

    [Fact]
    public async Task Plan_SaysWhenItDoesNotFit_OffersCheckedChoices_AndAppliesTheOneChosen()
    {
        var learner = await app.EnrolledLearnerAsync();
        // Wednesdays only, and an exam on a Sunday: the full mock's window (10 to 7 days before) is Thursday to Sunday.
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var sunday = today.AddDays(20 + ((7 - (int)today.AddDays(20).DayOfWeek) % 7));

        await SetUpAsync(learner, examInDays: sunday.DayNumber - today.DayNumber, weeklyHours: 3, studyDays: [DayOfWeek.Wednesday]);

        var page = await learner.Client.GetDocumentAsync($"/Plan/{Credential}");
        page.QuerySelector("[data-testid=plan-does-not-fit]").ShouldNotBeNull();
        var options = page.QuerySelectorAll("[data-testid=plan-option]").ToDictionary(o => o.GetAttribute("data-kind")!, o => o);
        options.Keys.ShouldBe(["StudyDayForMock", "Lighter", "LaterExam"], ignoreOrder: true, "more hours do not make a study day");
        options["StudyDayForMock"].TextContent.ShouldContain($"Make a day from {sunday.AddDays(-10):ddd d MMM} to {sunday.AddDays(-7):ddd d MMM} a full study day for the mock exam");
        options["StudyDayForMock"].QuerySelector("form").ShouldBeNull("advice, not a button");
        options["LaterExam"].TextContent.ShouldContain($"Move the exam to {sunday.AddDays(3):d MMMM yyyy} or later");
        (await StoredPlanAsync(learner)).Plan.Days.ShouldAllBe(d => d.PlannedMinutes <= d.BudgetMinutes);
        (await learner.Client.GetDocumentAsync("/Today")).QuerySelector($"[data-testid=today-{Credential}] .notice")!.TextContent.ShouldContain("no longer fits");

        var apply = await learner.Client.SubmitAsync((IHtmlFormElement)options["LaterExam"].QuerySelector("form")!, $"/Plan/{Credential}");
        apply.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await learner.Client.GetDocumentAsync($"/Plan/{Credential}");
        after.QuerySelector("[data-testid=plan-does-not-fit]").ShouldBeNull();
        after.QuerySelector("[data-testid=plan-summary]")!.TextContent.ShouldContain(sunday.AddDays(3).ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
        var log = after.QuerySelector("[data-testid=plan-changes] li")!.TextContent;
        log.ShouldContain($"You chose: Move the exam to {sunday.AddDays(3):d MMMM yyyy} or later.");
        log.ShouldContain("The plan fits again.");
        var stale = await learner.Client.PostAsync($"/Plan/{Credential}?handler=Apply", LearningRequests.Token(after), [new("kind", "MoreHours")]);
        stale.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Enrolments.SingleAsync(e => e.UserId == learner.UserId))).WeeklyHours.ShouldBe(3, "a choice the plan does not offer changes nothing");
    }

    [Fact]
    public async Task Plan_GivesTheFullMockALongSession_FromTheRestOfItsWeek()
    {
        var learner = await app.EnrolledLearnerAsync();

        await SetUpAsync(learner, examInDays: 30, weeklyHours: 2);

        var plan = (await StoredPlanAsync(learner)).Plan;
        plan.Fits.ShouldBeTrue();
        var mockDay = plan.Days.Single(d => d.Tasks.Any(t => t.Id == "mock:final"));
        mockDay.BudgetMinutes.ShouldBeGreaterThanOrEqualTo(ExamContent.Minutes, "a 17-minute day takes time from its week for the 30-minute mock");
        plan.Days.ShouldAllBe(d => d.PlannedMinutes <= d.BudgetMinutes);
    }

    [Fact]
    public async Task LighterPlan_AsksFiveQuestionsAfterTheModule_AndTicksThemOff()
    {
        var learner = await app.EnrolledLearnerAsync();
        await SetUpAsync(learner, examInDays: 42, weeklyHours: 5, lighter: true);

        var quiz = LearningRequests.QuizId(await learner.Client.SubmitAsync((IHtmlFormElement)Task(await learner.Client.GetDocumentAsync("/Today"), "practice:mock-basics").QuerySelector("form")!, "/Today"));
        for (var position = 1; position <= 5; position++)
        {
            await learner.AnswerPracticeAsync(quiz, position, key: true);
        }

        var today = await learner.Client.GetDocumentAsync("/Today");
        Task(today, "practice:mock-basics").GetAttribute("data-done").ShouldBe("true");
        Task(today, "practice:mock-basics").TextContent.ShouldContain("5 of 5 questions");
        (await StoredPlanAsync(learner)).Plan.MockExamDates.Count.ShouldBe(1, "no half-length mocks in the lighter plan");
        var changes = (await learner.Client.GetDocumentAsync($"/Plan/{Credential}")).QuerySelector("[data-testid=plan-changes] li")!.TextContent;
        changes.ShouldContain("Lighter plan chosen");
    }

    [Fact]
    public async Task PlanPage_ShowsWeekAndMonth_HoursChart_Streak_AndProjectedReadiness()
    {
        var learner = await app.EnrolledLearnerAsync();
        await SetUpAsync(learner, examInDays: 42, weeklyHours: 5);
        var quiz = await learner.QuickQuizAsync();
        await learner.AnswerPracticeAsync(quiz, 1, key: true);

        var week = await learner.Client.GetDocumentAsync($"/Plan/{Credential}");
        week.QuerySelectorAll("[data-testid=plan-week] > li").Length.ShouldBe(7);
        week.QuerySelector("[data-testid=plan-week] [aria-current=date]").ShouldNotBeNull();
        week.QuerySelectorAll("[data-testid=hours-table] tbody tr").Length.ShouldBe(PlanViews.ChartWeeksBack + PlanViews.ChartWeeksAhead + 1);
        week.QuerySelectorAll("[data-testid=hours-chart] rect").Length.ShouldBe(2 * (PlanViews.ChartWeeksBack + PlanViews.ChartWeeksAhead + 1));
        week.QuerySelector("[data-testid=streak]")!.TextContent.ShouldStartWith("1 day in a row");
        var projection = week.QuerySelector("[data-testid=projection]")!.TextContent;
        projection.ShouldContain("If you follow the plan");
        projection.ShouldContain("chance to pass");
        week.QuerySelector("[data-testid=plan-summary]")!.TextContent.ShouldContain("final review (no new material)");

        var month = await learner.Client.GetDocumentAsync($"/Plan/{Credential}?view=month");
        var weeks = month.QuerySelectorAll("[data-testid=plan-month] tbody tr").Length;
        weeks.ShouldBeInRange(4, 6);
        month.QuerySelectorAll("[data-testid=plan-month] tbody td").Length.ShouldBe(weeks * 7);
        month.QuerySelector("[data-testid=plan-month] [aria-current=date]").ShouldNotBeNull();
    }

    [Fact]
    public async Task NightlyJob_ReplansOncePerLearnerDay_AndFreezesTheDayThatEnded()
    {
        var learner = await app.EnrolledLearnerAsync();
        await SetUpAsync(learner, examInDays: 60, weeklyHours: 6);
        var first = await StoredPlanAsync(learner);
        var firstDay = first.Plan.Days[0];

        var newcomer = await app.EnrolledLearnerAsync();
        await RunAsync(s => s.ReplanDueAsync(CancellationToken.None));
        (await StoredPlanAsync(learner)).Record.Revision.ShouldBe(first.Record.Revision, "planned today already");
        (await app.QueryAsync(db => db.StudyPlanChanges.AsNoTracking().Where(c => c.UserId == newcomer.UserId).Select(c => c.Trigger).ToListAsync()))
            .ShouldBe([PlanTriggers.First], "the job makes the first plan of an enrolment that has none");

        app.Clock.Advance(TimeSpan.FromDays(1));
        await RunAsync(s => s.ReplanDueAsync(CancellationToken.None));
        await RunAsync(s => s.ReplanDueAsync(CancellationToken.None));

        var next = await StoredPlanAsync(learner);
        next.Record.Revision.ShouldBe(first.Record.Revision + 1, "once per learner day, however often the job runs");
        next.Record.Day.ShouldBe(first.Record.Day.AddDays(1));
        next.Plan.Days[0].Date.ShouldBe(first.Record.Day.AddDays(1));
        var frozen = await app.QueryAsync(db => db.StudyPlanDays.AsNoTracking().Where(d => d.UserId == learner.UserId).ToListAsync());
        frozen.Count.ShouldBe(1);
        frozen[0].Date.ShouldBe(firstDay.Date);
        frozen[0].PlannedMinutes.ShouldBe(firstDay.PlannedMinutes);
        var log = await app.QueryAsync(db => db.StudyPlanChanges.AsNoTracking().Where(c => c.UserId == learner.UserId).OrderBy(c => c.Id).ToListAsync());
        log[^1].Trigger.ShouldBe(PlanTriggers.Nightly);
        JsonSerializer.Deserialize<List<string>>(log[^1].ChangesJson)!.ShouldContain(c => c.Contains("not done and moved", StringComparison.Ordinal), "yesterday's reading was not done");
    }

    [Fact]
    public async Task MockExam_ReplansThePlan_NamingTheWeakDomain()
    {
        var learner = await app.EnrolledLearnerAsync();
        await SetUpAsync(learner, examInDays: 42, weeklyHours: 5);
        var exam = await learner.Client.StartExamAsync("Quarter");
        var page = await learner.Client.GetDocumentAsync($"/Exams/{exam}/Review");

        (await learner.Client.PostAsync($"/Exams/{exam}/Review?handler=Submit", LearningRequests.Token(page), [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        StudyPlanChange? change = null;
        for (var i = 0; i < 150 && change is null; i++)
        {
            await System.Threading.Tasks.Task.Delay(100);
            change = await app.QueryAsync(db => db.StudyPlanChanges.AsNoTracking().Where(c => c.UserId == learner.UserId && c.Trigger == PlanTriggers.MockExam).FirstOrDefaultAsync());
        }

        change.ShouldNotBeNull("the submitted mock exam re-plans in the background");
        var reasons = JsonSerializer.Deserialize<List<string>>(change.ChangesJson)!;
        reasons[0].ShouldMatch(@"^Mock exam "".+"": (Planning|Quality) was the weakest domain \(0\s?% right\), so its practice moves earlier\.$");
    }

    [Fact]
    public async Task AnotherLearner_GetsNotFound_ForMyPlanPages()
    {
        var owner = await app.EnrolledLearnerAsync();
        await SetUpAsync(owner, examInDays: 42, weeklyHours: 5);
        var intruder = await app.EnrolledLearnerAsync(credentialId: ExamContent.SmallCredentialId);

        (await intruder.Client.GetAsync($"/Plan/{Credential}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.Client.GetAsync($"/Plan/{Credential}/Setup")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = await intruder.Client.GetDocumentAsync($"/Plan/{ExamContent.SmallCredentialId}");
        (await intruder.Client.PostAsync($"/Plan/{Credential}?handler=Replan", LearningRequests.Token(own), [new("credential", Credential)])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var today = (await intruder.Client.GetDocumentAsync("/Today")).QuerySelector("main")!.TextContent;
        today.ShouldNotContain("Mock Exam Certificate");
        (await app.NewClient().GetAsync("/Today")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "sign-in required");
        (await app.NewClient().GetAsync($"/Plan/{Credential}")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "sign-in required");
    }

    [Fact]
    public async Task Setup_RejectsNoStudyDays_AndAPastExamDate_WithoutChangingThePlan()
    {
        var learner = await app.EnrolledLearnerAsync();
        await SetUpAsync(learner, examInDays: 42, weeklyHours: 5);
        var before = await StoredPlanAsync(learner);
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < 7; i++)
        {
            fields[$"Input.StudyDays[{i}]"] = "false";
        }

        var none = await learner.Client.SubmitFormAsync($"/Plan/{Credential}/Setup", fields, "form:has([data-testid=save-plan-settings])");
        none.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(none)).QuerySelector(".error-summary, [data-valmsg-for]")!.TextContent.ShouldContain("at least one study day");
        var past = await learner.Client.SubmitFormAsync($"/Plan/{Credential}/Setup", new Dictionary<string, string> { ["Input.ExamDate"] = "2020-01-01" }, "form:has([data-testid=save-plan-settings])");
        (await HtmlForms.ParseAsync(past)).QuerySelector("main")!.TextContent.ShouldContain("The exam date must be today or later");
        (await StoredPlanAsync(learner)).Record.Revision.ShouldBe(before.Record.Revision);
    }

    [Fact]
    public async Task Setup_OffersTheDiagnostic_AndAFinishedDiagnosticReordersThePlan()
    {
        var learner = await app.EnrolledLearnerAsync();
        await SetUpAsync(learner, examInDays: 42, weeklyHours: 5);
        var setup = await learner.Client.GetDocumentAsync($"/Plan/{Credential}/Setup");
        setup.QuerySelector("form[action*='handler=Diagnostic'] button")!.TextContent.ShouldBe("Take the diagnostic");
        setup.QuerySelector($"section[aria-labelledby=diagnostic-title] a[href='/Plan/{Credential}']")!.TextContent.ShouldContain("Skip it");

        var quiz = LearningRequests.QuizId(await learner.Client.SubmitAsync((IHtmlFormElement)setup.QuerySelector("form[action*='handler=Diagnostic']")!, $"/Plan/{Credential}/Setup"));
        for (var position = 1; position <= 40 && await app.QueryAsync(db => db.AttemptItems.CountAsync(i => i.AttemptId == quiz)) >= position; position++)
        {
            // Planning right, quality wrong: the diagnostic finds quality weak.
            var domain = await app.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == quiz && i.Position == position).Select(i => i.DomainId).SingleAsync());
            await learner.AnswerPracticeAsync(quiz, position, key: domain == "planning");
        }

        var finish = await learner.Client.SubmitFormAsync($"/Practice/{quiz}", new Dictionary<string, string>(), "form:has([data-testid=finish])");
        finish.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var log = await app.QueryAsync(db => db.StudyPlanChanges.AsNoTracking().Where(c => c.UserId == learner.UserId).OrderBy(c => c.Id).ToListAsync());
        log[^1].Trigger.ShouldBe(PlanTriggers.Diagnostic);
        var plan = (await StoredPlanAsync(learner)).Plan;
        var adaptive = plan.Days.SelectMany(d => d.Tasks).Where(t => t.Kind == CertPrep.Domain.Planning.PlanTaskKind.Practice && t.Id.Split(':').Length > 2).ToList();
        adaptive[0].Target.ShouldBe("quality", "the weak domain's practice comes first");
    }

    [Fact]
    public async Task Plan_PutsTheSpacedRepetitionForecastFirst_OnTheDaysReviewsAreDue()
    {
        var learner = await app.EnrolledLearnerAsync();
        var quiz = await learner.QuickQuizAsync();
        for (var position = 1; position <= 10; position++)
        {
            await learner.AnswerPracticeAsync(quiz, position, key: true, confidence: "Sure");
        }

        await SetUpAsync(learner, examInDays: 42, weeklyHours: 5);

        (await app.QueryAsync(db => db.ReviewCards.CountAsync(c => c.UserId == learner.UserId))).ShouldBeGreaterThanOrEqualTo(10);
        var plan = (await StoredPlanAsync(learner)).Plan;
        var reviewDays = plan.Days.Where(d => d.Tasks.Any(t => t.Kind == CertPrep.Domain.Planning.PlanTaskKind.Review)).ToList();
        reviewDays.ShouldNotBeEmpty("answered questions come back as reviews");
        reviewDays.ShouldAllBe(d => d.Tasks[0].Kind == CertPrep.Domain.Planning.PlanTaskKind.Review, "reviews come first on their day");
        plan.Days.ShouldAllBe(d => d.PlannedMinutes <= d.BudgetMinutes);
    }

    [Fact]
    public async Task Plan_IsARollingWeek_WithoutAnExamDate()
    {
        var learner = await app.EnrolledLearnerAsync();

        var page = await learner.Client.GetDocumentAsync($"/Plan/{Credential}");

        page.QuerySelector("[data-testid=plan-summary]")!.TextContent.ShouldContain("not set: a rolling plan for the coming week");
        page.QuerySelector("[data-testid=weekly-hours]")!.TextContent.ShouldContain("5 hours a week (suggested", customMessage: "60 recommended hours over 12 weeks");
        var plan = (await StoredPlanAsync(learner)).Plan;
        plan.Days.Count.ShouldBe(7);
        plan.MockExamDates.ShouldBeEmpty();
        plan.Days.ShouldAllBe(d => d.PlannedMinutes <= d.BudgetMinutes);
        var log = await app.QueryAsync(db => db.StudyPlanChanges.AsNoTracking().Where(c => c.UserId == learner.UserId).ToListAsync());
        log.Single().Trigger.ShouldBe(PlanTriggers.First);
        JsonSerializer.Deserialize<List<string>>(log[0].ChangesJson)!.Single().ShouldStartWith("Plan made for the coming week (no exam date set)");
    }

    [Fact]
    public async Task CalendarFeed_IsValidICalendarInTheLearnersZone_PrivateAndRevocable()
    {
        var learner = await app.EnrolledLearnerAsync();
        await SetUpAsync(learner, examInDays: 120, weeklyHours: 5, zone: "Europe/Berlin");
        var created = await learner.Client.SubmitFormAsync("/Plan/Calendar", new Dictionary<string, string>(), "form:has([data-testid=create-feed])");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = new Uri((await learner.Client.GetDocumentAsync("/Plan/Calendar")).QuerySelector("[data-testid=feed-url]")!.GetAttribute("value")!);
        url.AbsolutePath.ShouldMatch("^/calendar/[A-Za-z0-9_-]{43}\\.ics$");
        var anonymous = app.NewClient();

        var feed = await anonymous.GetAsync(url.PathAndQuery);

        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        feed.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var text = await feed.Content.ReadAsStringAsync();
        var plan = await StoredPlanAsync(learner);
        var calendar = Ical.Net.Calendar.Load(text)!;
        var tasks = plan.Plan.Days.Sum(d => d.Tasks.Count);
        calendar.Events.Count.ShouldBe(tasks);
        calendar.Events.Select(e => e.Uid).Distinct().Count().ShouldBe(tasks, "every event has its own UID");
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        foreach (var day in plan.Plan.Days.Where(d => d.Tasks.Count > 0))
        {
            var first = calendar.Events.Where(e => DateOnly.FromDateTime(e.DtStart!.Value) == day.Date).MinBy(e => e.DtStart!.Value)!;
            first.DtStart!.TzId.ShouldBe("Europe/Berlin");
            var expectedUtc = TimeZoneInfo.ConvertTimeToUtc(day.Date.ToDateTime(new TimeOnly(19, 0)), berlin);
            first.DtStart.AsUtc.ShouldBe(expectedUtc, $"19:00 in Berlin on {day.Date}, summer or winter time");
            first.Summary.ShouldBe($"{day.Tasks[0].Title} (Mock Exam Certificate)");
        }

        var download = await learner.Client.GetAsync("/Plan/Calendar?handler=Download");
        download.Content.Headers.ContentDisposition!.FileName.ShouldBe("certprep-study-plan.ics");
        Ical.Net.Calendar.Load(await download.Content.ReadAsStringAsync())!.Events.Count.ShouldBe(tasks);
        (await anonymous.GetAsync("/Plan/Calendar?handler=Download")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the download needs sign-in");

        (await learner.Client.SubmitFormAsync("/Plan/Calendar", new Dictionary<string, string>(), "form:has([data-testid=replace-feed])")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await anonymous.GetAsync(url.PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a replaced address stops working");
        var replaced = new Uri((await learner.Client.GetDocumentAsync("/Plan/Calendar")).QuerySelector("[data-testid=feed-url]")!.GetAttribute("value")!);
        (await anonymous.GetAsync(replaced.PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await learner.Client.SubmitFormAsync("/Plan/Calendar", new Dictionary<string, string>(), "form:has([data-testid=revoke-feed])")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await anonymous.GetAsync(replaced.PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a revoked feed is gone");
        (await anonymous.GetAsync("/calendar/not-a-token.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Saves the plan's settings through the real form (all days, UTC) and follows it to the Plan page.</summary>
    private async Task SetUpAsync(Learner learner, int examInDays, int weeklyHours, string zone = "UTC", string credentialId = Credential, bool lighter = false, DayOfWeek[]? studyDays = null)
    {
        var exam = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(examInDays);
        var fields = new Dictionary<string, string>
        {
            ["Input.ExamDate"] = exam.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.WeeklyHours"] = weeklyHours.ToString(CultureInfo.InvariantCulture),
            ["Input.TimeZone"] = zone,
            ["Input.LighterPlan"] = lighter ? "true" : "false",
        };
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            fields[$"Input.StudyDays[{(int)day}]"] = studyDays is null || studyDays.Contains(day) ? "true" : "false";
        }

        var response = await learner.Client.SubmitFormAsync($"/Plan/{credentialId}/Setup", fields, "form:has([data-testid=save-plan-settings])");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await HtmlForms.ParseAsync(response)).QuerySelector("main")?.TextContent);
        response.Headers.Location!.OriginalString.ShouldBe($"/Plan/{credentialId}");
    }

    private static IHtmlElement Task(IHtmlDocument page, string id) =>
        page.QuerySelector($"[data-testid=task][data-task='{id}']") as IHtmlElement ?? throw new ShouldAssertException($"No task {id} today: {string.Join(", ", page.QuerySelectorAll("[data-testid=task]").Select(t => t.GetAttribute("data-task")))}");

    private async Task<StoredPlan> StoredPlanAsync(Learner learner)
    {
        var record = await app.QueryAsync(db => db.StudyPlans.AsNoTracking().SingleAsync(p => p.UserId == learner.UserId && p.CredentialId == Credential));
        return new StoredPlan(record, PlanService.Decode(record.PlanData));
    }

    private async Task RunAsync(Func<PlanService, Task<int>> work)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<PlanService>());
    }
}

[Collection(SqliteLearningCollection.Name)]
public sealed class SqlitePlanFlowTests(SqliteLearningFixture app) : PlanFlowTests(app);

[Collection(PostgresLearningCollection.Name)]
public sealed class PostgresPlanFlowTests(PostgresLearningFixture app) : PlanFlowTests(app);

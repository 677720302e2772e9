using CertPrep.Domain.Planning;
using CertPrep.Domain.Scheduling;

namespace CertPrep.Domain.Tests.Planning;

public sealed class StudyPlannerTests
{
    private static readonly DateOnly Today = new(2026, 3, 2); // a Monday
    private static readonly HashSet<DayOfWeek> Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    [Theory]
    [InlineData(100, 70, 10)] // about 100 hours over ten weeks
    [InlineData(100, 14, 50)]
    [InlineData(100, 2, 80)] // capped at the site's maximum
    [InlineData(60, null, 5)] // no exam date: spread over twelve weeks
    public void SuggestedWeeklyHours_SpreadsTheRecommendedTotal_OverTheWeeksLeft(int total, int? examInDays, int expected)
    {
        StudyPlanner.SuggestedWeeklyHours(total, Today, examInDays is { } d ? Today.AddDays(d) : null).ShouldBe(expected);
    }

    [Fact]
    public void Plan_BackPlansThePhasesAndMockExams_ForASixMonthHorizon()
    {
        var request = Request(examInDays: 182, weeklyMinutes: 1200);

        var plan = StudyPlanner.Plan(request);

        plan.Fits.ShouldBeTrue();
        plan.FinalReviewFrom.ShouldBe(request.ExamDate!.Value.AddDays(-7));
        plan.ConsolidateFrom!.Value.ShouldBeLessThan(plan.FinalReviewFrom!.Value);
        plan.MockExamDates.Count.ShouldBe(3, "half-length mocks at about 50% and 80% of the time, then a full one");
        var full = plan.Days.Single(d => d.Tasks.Any(t => t.Id == "mock:final")).Date;
        (request.ExamDate!.Value.DayNumber - full.DayNumber).ShouldBeInRange(7, 10);
        Math.Abs(plan.MockExamDates[0].DayNumber - Today.AddDays(91).DayNumber).ShouldBeLessThanOrEqualTo(3);
        plan.Days.Where(d => d.Date >= plan.FinalReviewFrom).SelectMany(d => d.Tasks).ShouldNotContain(t => t.Kind == PlanTaskKind.Read, "no new material in the final week");
        var reads = plan.Days.SelectMany(d => d.Tasks).Where(t => t.Kind == PlanTaskKind.Read).Select(t => t.Target).ToList();
        reads.Count.ShouldBe(request.Modules.Count, "every module is read");
    }

    [Fact]
    public void Plan_StillHasAFinalWeekAndAFullMock_ForATwoWeekHorizon()
    {
        var plan = StudyPlanner.Plan(Request(examInDays: 14, weeklyMinutes: 1500));

        plan.FinalReviewFrom.ShouldBe(Today.AddDays(7));
        plan.MockExamDates.Count.ShouldBe(1, "too short for the half-length milestones");
        plan.Fits.ShouldBeTrue();
    }

    [Fact]
    public void Plan_NeverPlansADayBeyondItsBudget_WhateverTheInputs()
    {
        var random = new Random(9);
        for (var run = 0; run < 200; run++)
        {
            var request = Request(examInDays: 10 + random.Next(200), weeklyMinutes: 60 + random.Next(1200), reviewMinutes: random.Next(60)) with
            {
                DayCapacity = d => d.DayOfWeek == DayOfWeek.Wednesday ? 0.5 : 1,
                StudyDays = random.Next(2) == 0 ? Weekdays : [DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Tuesday],
            };

            var plan = StudyPlanner.Plan(request);

            plan.Days.ShouldAllBe(d => d.PlannedMinutes <= d.BudgetMinutes);
            plan.Days.Where(d => !request.StudyDays.Contains(d.Date.DayOfWeek)).ShouldAllBe(d => d.Tasks.Count == 0);
        }
    }

    [Fact]
    public void Plan_SaysWhenTheWorkDoesNotFit_AndOffersChoices_InsteadOfOverloadingDays()
    {
        var plan = StudyPlanner.Plan(Request(examInDays: 21, weeklyMinutes: 120));

        plan.Fits.ShouldBeFalse();
        plan.ShortfallMinutes.ShouldBeGreaterThan(0);
        plan.Options.ShouldContain(o => o.Kind == PlanOptionKind.MoreHours && o.Text.StartsWith("Study ", StringComparison.Ordinal));
        plan.Options.ShouldContain(o => o.Kind == PlanOptionKind.Lighter);
        plan.Options.ShouldNotContain(o => o.Kind == PlanOptionKind.LaterExam, "no later date makes a 2-hour week hold a 210-minute mock exam");
        plan.Days.ShouldAllBe(d => d.PlannedMinutes <= d.BudgetMinutes);
    }

    [Fact]
    public void Plan_GivesAMockExamLongerThanAnyDay_TimeFromTheOtherDaysOfItsWeek()
    {
        // 10 hours a week on weekdays is 120 minutes a day; the full mock exam takes 210.
        var request = Request(examInDays: 60, weeklyMinutes: 600);

        var plan = StudyPlanner.Plan(request);

        plan.Fits.ShouldBeTrue();
        var mockDay = plan.Days.Single(d => d.Tasks.Any(t => t.Id == "mock:final"));
        mockDay.BudgetMinutes.ShouldBeGreaterThanOrEqualTo(210);
        mockDay.Tasks.Single(t => t.Id == "mock:final").Title.ShouldBe("Full mock exam (a long session: time moved from other days this week)");
        var monday = mockDay.Date.AddDays(-(((int)mockDay.Date.DayOfWeek + 6) % 7));
        plan.Days.Where(d => d.Date >= monday && d.Date < monday.AddDays(7)).Sum(d => d.BudgetMinutes).ShouldBe(600, "the week's total stays the learner's");
        plan.Days.ShouldAllBe(d => d.PlannedMinutes <= d.BudgetMinutes);
        plan.Days.Where(d => !request.StudyDays.Contains(d.Date.DayOfWeek)).ShouldAllBe(d => d.BudgetMinutes == 0, "no time is moved onto a day the learner does not study");
    }

    [Fact]
    public void Options_SayToMakeAStudyDayOfTheMockWindow_WhenNoneOfItsDaysIsOne()
    {
        // Wednesdays only; the exam on Sunday 22 March puts the full mock's window on Thursday 12 to Sunday 15 March.
        var request = Request(examInDays: 20, weeklyMinutes: 600) with { StudyDays = new HashSet<DayOfWeek> { DayOfWeek.Wednesday } };

        var plan = StudyPlanner.Plan(request);

        plan.Fits.ShouldBeFalse();
        plan.Options.Single(o => o.Kind == PlanOptionKind.StudyDayForMock).Text.ShouldBe("Make a day from Thu 12 Mar to Sun 15 Mar a full study day for the mock exam (none of them is one now)");
        plan.Options.Single(o => o.Kind == PlanOptionKind.LaterExam).ExamDate.ShouldBe(new DateOnly(2026, 3, 25), "the earliest exam whose window holds a Wednesday");
        plan.Options.ShouldNotContain(o => o.Kind == PlanOptionKind.MoreHours, "more hours do not make a study day");
    }

    [Fact]
    public void Options_AreCheckedByPlanning_TheFewestHoursAndTheEarliestDateThatFit()
    {
        // Days long enough for the full mock exam (220 minutes), but 2,400 minutes of reading in two weeks before the final one.
        var request = Request(examInDays: 21, weeklyMinutes: 1100, reviewMinutes: 0) with
        {
            Modules = [.. Enumerable.Range(1, 8).Select(i => new PlanModule($"m{i}", $"Module {i}", $"d{i}", 300, [], false))],
        };

        var plan = StudyPlanner.Plan(request);

        var hours = plan.Options.Single(o => o.Kind == PlanOptionKind.MoreHours);
        hours.Fits.ShouldBeTrue();
        StudyPlanner.Plan(request with { WeeklyMinutes = hours.WeeklyHours!.Value * 60 }).Fits.ShouldBeTrue();
        StudyPlanner.Plan(request with { WeeklyMinutes = (hours.WeeklyHours.Value - 1) * 60 }).Fits.ShouldBeFalse("the fewest whole hours");
        hours.Text.ShouldBe($"Study {hours.WeeklyHours} hours a week instead of 19: everything fits");
        var later = plan.Options.Single(o => o.Kind == PlanOptionKind.LaterExam);
        StudyPlanner.Plan(request with { ExamDate = later.ExamDate }).Fits.ShouldBeTrue();
        StudyPlanner.Plan(request with { ExamDate = later.ExamDate!.Value.AddDays(-1) }).Fits.ShouldBeFalse("the earliest date");
    }

    [Fact]
    public void Plan_ReadsAModuleLongerThanAnyDayInParts_OnConsecutiveDaysWithRoom()
    {
        // 5 hours a week over seven days is 42 minutes a day: a 50-minute module never fits one day.
        var request = Request(examInDays: 60, weeklyMinutes: 300, reviewMinutes: 0) with
        {
            StudyDays = Enum.GetValues<DayOfWeek>().ToHashSet(),
            Modules = [new PlanModule("long", "Long module", "d1", 50, [], false), new PlanModule("short", "Short module", "d2", 20, [], false)],
            MockMinutes = (40, 20),
        };

        var plan = StudyPlanner.Plan(request);

        var parts = plan.Days.SelectMany(d => d.Tasks.Select(t => (d.Date, Task: t))).Where(x => x.Task.Kind == PlanTaskKind.Read && x.Task.Target == "long").ToList();
        parts.Count.ShouldBe(2);
        parts.Sum(p => p.Task.Minutes).ShouldBe(50);
        parts.ShouldAllBe(p => p.Task.Minutes >= StudyPlanner.MinimumReadingPart);
        parts[0].Task.Title.ShouldBe("Read: Long module (part 1 of 2)");
        parts[1].Date.ShouldBe(parts[0].Date.AddDays(1));
        plan.Days.SelectMany(d => d.Tasks).Single(t => t.Id == "practice:long").ShouldNotBeNull();
        plan.Fits.ShouldBeTrue();
        plan.Days.ShouldAllBe(d => d.PlannedMinutes <= d.BudgetMinutes);
    }

    [Fact]
    public void Plan_AsksFiveQuestionsAfterEachModule_AndNoHalfMocks_WhenLighter()
    {
        var request = Request(examInDays: 120, weeklyMinutes: 1200);

        var full = StudyPlanner.Plan(request);
        var lighter = StudyPlanner.Plan(request with { Lighter = true });

        full.MockExamDates.Count.ShouldBe(3);
        lighter.MockExamDates.Count.ShouldBe(1, "only the full mock exam before the final week");
        var afterModules = lighter.Days.SelectMany(d => d.Tasks).Where(t => t.Kind == PlanTaskKind.Practice && t.Id.Split(':').Length == 2).ToList();
        afterModules.Count.ShouldBe(request.Modules.Count);
        afterModules.ShouldAllBe(t => t.PracticeQuestions == StudyPlanner.LighterPracticeQuestions && t.Minutes == 8);
        lighter.Options.ShouldBeEmpty();
    }

    [Fact]
    public void Options_OfferTheLighterPlan_WithWhatItSaves_WhenItIsNotEnoughAlone()
    {
        var plan = StudyPlanner.Plan(Request(examInDays: 21, weeklyMinutes: 120));

        var lighter = plan.Options.Single(o => o.Kind == PlanOptionKind.Lighter);

        lighter.Fits.ShouldBeFalse();
        lighter.Text.ShouldMatch(@"^Take the lighter plan: 5 practice questions after each module instead of 10, and no half-length mock exams \(saves about \d+ minutes; not enough on its own\)$");
    }

    [Fact]
    public void ReadingOrder_PutsWeakHeavyDomainsFirst_AndKeepsPrerequisites()
    {
        var request = Request(examInDays: 90, weeklyMinutes: 600) with
        {
            Domains = [new("demand", "Demand", 0.09, 0.8), new("supply", "Supply", 0.16, 0.3), new("inventory", "Inventory", 0.14, 0.6)],
            Modules =
            [
                new("m-demand", "Demand", "demand", 30, [], false),
                new("m-supply", "Supply", "supply", 40, ["m-demand"], false),
                new("m-inventory", "Inventory", "inventory", 35, [], false),
            ],
        };

        var order = StudyPlanner.ReadingOrder(request).Select(m => m.Id).ToList();

        order.ShouldBe(["m-demand", "m-supply", "m-inventory"], "supply is the weakest heavy domain, and needs demand first");
    }

    [Fact]
    public void Replan_MovesAWeakDomainsWorkEarlier_AfterAMockExam_AndSaysWhy()
    {
        var request = Request(examInDays: 120, weeklyMinutes: 300);
        var before = StudyPlanner.Plan(request);
        var weak = request with { Domains = [.. request.Domains.Select(d => d.Id == "d5" ? d with { Mastery = 0.2 } : d with { Mastery = 0.8 })] };

        var (after, changes) = StudyPlanner.Replan(before, weak, new HashSet<string>(), ["Mock exam showed Domain 5 is weak: its work moves earlier."]);

        FirstRead(after, "m5").ShouldBeLessThan(FirstRead(before, "m5"));
        changes[0].ShouldBe("Mock exam showed Domain 5 is weak: its work moves earlier.");
        changes.ShouldContain(c => c.Contains("moved earlier", StringComparison.Ordinal));
    }

    [Fact]
    public void Replan_MovesWorkNotDone_AndReportsIt()
    {
        var request = Request(examInDays: 60, weeklyMinutes: 400);
        var plan = StudyPlanner.Plan(request);
        var week = request with { Today = Today.AddDays(7) };

        var (after, changes) = StudyPlanner.Replan(plan, week, new HashSet<string>(), []);

        changes.ShouldContain(c => c.Contains("not done and moved", StringComparison.Ordinal));
        after.Days[0].Date.ShouldBe(Today.AddDays(7));
        after.Days.SelectMany(d => d.Tasks).Count(t => t.Kind == PlanTaskKind.Read).ShouldBe(week.Modules.Count);
    }

    [Fact]
    public void Plan_IsAWeekOfWork_WithoutAnExamDate()
    {
        var plan = StudyPlanner.Plan(Request(examInDays: null, weeklyMinutes: 300));

        plan.Days.Count.ShouldBe(7);
        plan.FinalReviewFrom.ShouldBeNull();
        plan.MockExamDates.ShouldBeEmpty();
        plan.Days.Sum(d => d.PlannedMinutes).ShouldBeLessThanOrEqualTo(300);
        plan.Fits.ShouldBeTrue("reading that does not fit this week is next week's work, not a shortfall");
        plan.Days.SelectMany(d => d.Tasks).Count(t => t.Kind == PlanTaskKind.Read).ShouldBeLessThan(8, "five hours do not hold eight modules");
    }

    [Fact]
    public void Today_IsTheLearnersDate_AcrossADaylightSavingChange()
    {
        var calendar = new StudyCalendar(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), TimeSpan.FromHours(4));
        var sundayNight = DateTimeOffset.Parse("2026-03-09T05:30:00+00:00", System.Globalization.CultureInfo.InvariantCulture); // 01:30 EDT on Monday 9 March

        var today = DateOnly.FromDayNumber(calendar.DayOf(sundayNight));
        var plan = StudyPlanner.Plan(Request(examInDays: 30, weeklyMinutes: 300) with { Today = today, ExamDate = today.AddDays(30) });

        today.ShouldBe(new DateOnly(2026, 3, 8), "before the 04:00 day start the learner is still on Sunday");
        plan.Days[0].Date.ShouldBe(today);
        plan.Days[^1].Date.ShouldBe(today.AddDays(29));
    }

    private static DateOnly FirstRead(StudyPlan plan, string module) =>
        plan.Days.First(d => d.Tasks.Any(t => t.Id == $"read:{module}")).Date;

    private static PlanRequest Request(int? examInDays, int weeklyMinutes, int reviewMinutes = 15)
    {
        var domains = Enumerable.Range(1, 8).Select(i => new PlanDomain($"d{i}", $"Domain {i}", i == 7 ? 0.03 : 0.97 / 7, null)).ToList();
        var modules = Enumerable.Range(1, 8).Select(i => new PlanModule($"m{i}", $"Module {i}", $"d{i}", 20 + (i * 3), i > 1 && i % 3 == 0 ? [$"m{i - 1}"] : [], false)).ToList();
        var exam = examInDays is { } days ? Today.AddDays(days) : (DateOnly?)null;
        var reviews = Enumerable.Range(0, 400).ToDictionary(i => Today.AddDays(i), _ => reviewMinutes);
        return new PlanRequest(Today, exam, weeklyMinutes, Weekdays, _ => 1, modules, domains, 1.5, reviews, (210, 105));
    }
}

using CertPrep.Domain.Scheduling;

namespace CertPrep.Domain.Tests.Scheduling;

public sealed class ReviewPlannerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 18, 0, 0, TimeSpan.Zero); // a Monday
    private static readonly FsrsScheduler Scheduler = new(SchedulerSettings.Default with { Calendar = StudyCalendar.Utc });
    private static readonly int Today = Scheduler.Calendar.DayOf(Start);

    [Theory]
    [InlineData(8, 40, 0.90)]
    [InlineData(3, 8, 0.95)]
    [InlineData(20, 70, 0.90)]
    public void Plan_ShortensTheInterval_WhenTheCardWouldBeBelowTargetOnExamDay(double stability, int daysToExam, double target)
    {
        // The learner keeps a desired retention of 0.80 to save reviews; FSRS's next interval runs past the exam and
        // the card would be below the target by then: the next review is pulled in before the exam, while the card
        // is still at the target.
        var lowRetention = new FsrsScheduler(SchedulerSettings.Default with { DesiredRetention = 0.80, Calendar = StudyCalendar.Utc });
        var outcome = lowRetention.Review(ReviewCard(stability, daysAgo: (int)stability), Grade.Good, Start, 1);
        var planner = new ReviewPlanner(lowRetention, new ExamGoal(Today + daysToExam, target));
        outcome.Card.DueDay.ShouldBeGreaterThan(Today + daysToExam);
        lowRetention.Model.Retrievability(daysToExam, outcome.Card.Stability).ShouldBeLessThan(target);

        var card = planner.Plan(outcome, _ => 0);

        card.DueDay.ShouldBeInRange(Today + 1, Today + daysToExam - 1);
        lowRetention.Model.Retrievability(card.DueDay - Today, card.Stability).ShouldBeGreaterThanOrEqualTo(target);
    }

    [Fact]
    public void Plan_LeavesTheInterval_WhenTheCardMeetsTheTargetOnExamDayAnyway()
    {
        var outcome = Scheduler.Review(ReviewCard(stability: 60, daysAgo: 60), Grade.Good, Start, 1);
        var planner = new ReviewPlanner(Scheduler, new ExamGoal(Today + 10, 0.90));

        var card = planner.Plan(outcome, _ => 0);

        card.DueDay.ShouldBeGreaterThan(Today + 10, "not pulled forward: it is remembered on exam day without another review");
        planner.RetrievabilityOnExamDay(card)!.Value.ShouldBeGreaterThanOrEqualTo(0.90);
    }

    [Fact]
    public void Plan_IsPlainFsrsWithLoadLevelling_WithoutAnExam()
    {
        var outcome = Scheduler.Review(ReviewCard(stability: 30, daysAgo: 30), Grade.Good, Start, 1);
        var planner = new ReviewPlanner(Scheduler);
        var busiest = outcome.EarliestDay;

        var card = planner.Plan(outcome, day => day == outcome.LatestDay ? 0 : 50);

        outcome.LatestDay.ShouldBeGreaterThan(outcome.EarliestDay);
        card.DueDay.ShouldBe(outcome.LatestDay, "the only day without planned reviews in the window");
        card.ScheduledDays.ShouldBe(card.DueDay - Today);
        card.Due.ShouldBe(Scheduler.Calendar.StartOf(card.DueDay));
        busiest.ShouldBeLessThan(card.DueDay);
    }

    [Fact]
    public void Plan_AvoidsEasyDays_AndHalvesReducedDays()
    {
        var outcome = Scheduler.Review(ReviewCard(stability: 30, daysAgo: 30), Grade.Good, Start, 1);
        var days = Enumerable.Range(outcome.EarliestDay, outcome.LatestDay - outcome.EarliestDay + 1).ToList();
        days.Count.ShouldBeGreaterThanOrEqualTo(7, "a 30-day interval has a window of a week or more");
        var easy = EasyDays.AllNormal;
        foreach (var day in Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Saturday))
        {
            easy = easy.With(day, EasyDayLevel.None);
        }

        var saturdayOnly = new ReviewPlanner(Scheduler, easyDays: easy).Plan(outcome, _ => 0);
        DateOnly.FromDayNumber(saturdayOnly.DueDay).DayOfWeek.ShouldBe(DayOfWeek.Saturday);

        // Reduced: a day carrying 10 reviews counts as 22 (11 / 0.5); a normal day with 15 wins.
        var reduced = EasyDays.AllNormal.With(DayOfWeek.Sunday, EasyDayLevel.Reduced);
        var sunday = days.First(d => DateOnly.FromDayNumber(d).DayOfWeek == DayOfWeek.Sunday);
        var levelled = new ReviewPlanner(Scheduler, easyDays: reduced).Plan(outcome, d => d == sunday ? 10 : 15);
        levelled.DueDay.ShouldNotBe(sunday);
    }

    [Fact]
    public void Plan_KeepsMinuteSteps()
    {
        var outcome = Scheduler.Review(Card.New(Start, Scheduler.Calendar), Grade.Good, Start, 1);

        new ReviewPlanner(Scheduler, new ExamGoal(Today + 5)).Plan(outcome, _ => 100).ShouldBe(outcome.Card);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(3, true)]
    [InlineData(2, false)]
    [InlineData(0, true)]
    [InlineData(-5, true)]
    public void IntroducesNewCards_StopsWhenThereIsNoTimeForASpacedReview(int daysToExam, bool introduces)
    {
        var planner = new ReviewPlanner(Scheduler, new ExamGoal(Today + daysToExam, 0.90));

        planner.ConsolidationDays.ShouldBe(3, "a new card answered Good gets 2 days at 0.90, then a review before exam day");
        planner.IntroducesNewCards(Today).ShouldBe(introduces);
    }

    [Fact]
    public void ExamGoal_Throws_WhenTheTargetIsOutOfRange()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ReviewPlanner(Scheduler, new ExamGoal(Today + 5, 0.5)));
    }

    private static Card ReviewCard(double stability, int daysAgo) =>
        new(CardState.Review, new MemoryState(stability, 5), 0, 4, 0, Start.AddDays(-daysAgo), Today - daysAgo, 0, daysAgo, Start, Today);
}

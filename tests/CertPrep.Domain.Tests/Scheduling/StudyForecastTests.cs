using CertPrep.Domain.Scheduling;

namespace CertPrep.Domain.Tests.Scheduling;

public sealed class StudyForecastTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 18, 0, 0, TimeSpan.Zero);
    private static readonly FsrsScheduler Scheduler = new(SchedulerSettings.Default with { DesiredRetention = 0.80, Calendar = StudyCalendar.Utc });
    private static readonly int Today = Scheduler.Calendar.DayOf(Start);

    [Fact]
    public void Compute_CountsReviewsPerDayUntilTheExam_AndPredictsEveryCardAtTargetOnExamDay()
    {
        var cards = Enumerable.Range(0, 200).Select(i => Card(stability: 1 + (i % 40), dueIn: i % 9)).ToList();
        var planner = new ReviewPlanner(Scheduler, new ExamGoal(Today + 30, 0.90));

        var forecast = StudyForecast.Compute(cards, planner, Today);

        forecast.Days.Count.ShouldBe(30);
        forecast.Days[0].Day.ShouldBe(Today);
        forecast.Days.Sum(d => d.Reviews).ShouldBeGreaterThanOrEqualTo(200, "every card is due at least once before the exam");
        forecast.Cards.ShouldBe(200);
        forecast.CardsAtTarget.ShouldBe(200, "the planner keeps every card at the target on exam day when reviews are done");
        forecast.ExamDayRecall!.Value.ShouldBeGreaterThanOrEqualTo(0.90);
    }

    [Fact]
    public void Compute_LooksSixtyDaysAhead_WithoutAnExam()
    {
        var forecast = StudyForecast.Compute([Card(10, 3)], new ReviewPlanner(Scheduler), Today);

        forecast.Days.Count.ShouldBe(StudyForecast.DefaultHorizonDays);
        forecast.ExamDayRecall.ShouldBeNull();
        forecast.Days[3].Reviews.ShouldBe(1);
    }

    [Fact]
    public void Compute_LeavesCardsBelowTarget_WhenPlainFsrsAtALowerRetentionPlansThem()
    {
        var cards = Enumerable.Range(0, 100).Select(i => Card(stability: 5 + (i % 30), dueIn: i % 20)).ToList();
        var examDay = Today + 25;
        var plain = StudyForecast.Compute(cards, new ReviewPlanner(Scheduler), Today);
        var plainCards = cards.Select(c => c).ToList();

        var aware = StudyForecast.Compute(cards, new ReviewPlanner(Scheduler, new ExamGoal(examDay, 0.90)), Today);

        aware.CardsAtTarget.ShouldBe(100);
        plain.ExamDayRecall.ShouldBeNull();
        plainCards.Count.ShouldBe(100);
    }

    private static Card Card(double stability, int dueIn) =>
        new(CardState.Review, new MemoryState(stability, 5), 0, 3, 0, Start.AddDays(-1), Today - 1, 0, dueIn + 1, Scheduler.Calendar.StartOf(Today + dueIn), Today + dueIn);
}

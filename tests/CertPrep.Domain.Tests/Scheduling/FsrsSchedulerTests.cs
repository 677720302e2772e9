using CertPrep.Domain.Scheduling;

namespace CertPrep.Domain.Tests.Scheduling;

public sealed class FsrsSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2022, 12, 29, 12, 30, 0, TimeSpan.Zero);

    public static TheoryData<string> Scenarios => ReferenceVectors.Names();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Review_ReproducesTheReferenceImplementation_WhenUtcDaysAndNoFuzz(string name)
    {
        var scenario = ReferenceVectors.Named(name);
        var scheduler = new FsrsScheduler(scenario.Settings());
        var card = Card.New(scenario.Start, scheduler.Calendar);

        foreach (var (expected, index) in scenario.Reviews.Select((r, i) => (r, i)))
        {
            card = scheduler.Review(card, (Grade)expected.Grade, expected.At).Card;

            var at = $"{name}, review {index + 1} (grade {expected.Grade} at {expected.At:u})";
            ((int)card.State).ShouldBe(expected.State, at);
            card.ScheduledDays.ShouldBe(expected.ScheduledDays, at);
            card.ElapsedDays.ShouldBe(expected.ElapsedDays, at);
            card.Step.ShouldBe(expected.Step, at);
            card.Reps.ShouldBe(expected.Reps, at);
            card.Lapses.ShouldBe(expected.Lapses, at);
            card.Stability.ShouldBe(expected.Stability, Math.Abs(expected.Stability) * 1e-6, at);
            card.Difficulty.ShouldBe(expected.Difficulty, Math.Abs(expected.Difficulty) * 1e-6, at);
            card.DueDay.ShouldBe(scheduler.Calendar.DayOf(expected.Due), at);
            if (expected.ScheduledDays == 0)
            {
                card.Due.ShouldBe(expected.Due, at);
            }
        }
    }

    [Fact]
    public void Review_GivesTheGoldenIntervals_WhenGoodSixTimesAgainTwiceGoodFiveTimesAtDue()
    {
        var scheduler = new FsrsScheduler(SchedulerSettings.Default with { Fuzz = false, Calendar = StudyCalendar.Utc });
        var card = Card.New(Start, scheduler.Calendar);
        var now = Start;
        var intervals = new List<int>();

        foreach (var grade in new[] { 3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3 })
        {
            card = scheduler.Review(card, (Grade)grade, now).Card;
            intervals.Add(card.ScheduledDays);
            now = card.ScheduledDays == 0 ? card.Due : now.AddDays(card.ScheduledDays);
        }

        intervals.ShouldBe([0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
    }

    [Theory]
    [InlineData(true, 53.62691, 6.3574867)]
    [InlineData(false, 53.335106, 6.3574867)]
    public void Review_GivesTheGoldenMemoryState_WhenAgainThenGoodAtDayGaps(bool shortTerm, double stability, double difficulty)
    {
        var scheduler = new FsrsScheduler(SchedulerSettings.Default with { Fuzz = false, ShortTerm = shortTerm, Calendar = StudyCalendar.Utc });
        var card = Card.New(Start, scheduler.Calendar);
        var now = Start;

        foreach (var (grade, gap) in new[] { (1, 0), (3, 0), (3, 1), (3, 3), (3, 8), (3, 21) })
        {
            now = now.AddDays(gap);
            card = scheduler.Review(card, (Grade)grade, now).Card;
        }

        // fsrs.md gives the values to 7 or 8 significant digits; the bar is 1e-6 relative.
        card.Stability.ShouldBe(stability, stability * 1e-6);
        card.Difficulty.ShouldBe(difficulty, difficulty * 1e-6);
    }

    [Theory]
    [InlineData(Grade.Again, 0.212, 6.4133, 1)]
    [InlineData(Grade.Hard, 1.2931, 5.11217071, 6)]
    [InlineData(Grade.Good, 2.3065, 2.11810397, 10)]
    [InlineData(Grade.Easy, 8.2956, 1, 8 * 1440)]
    public void Review_StartsANewCardAsTheReferenceDoes(Grade grade, double stability, double difficulty, int minutesUntilDue)
    {
        var scheduler = new FsrsScheduler(SchedulerSettings.Default with { Fuzz = false, Calendar = StudyCalendar.Utc });

        var card = scheduler.Review(Card.New(Start, scheduler.Calendar), grade, Start).Card;

        card.Stability.ShouldBe(stability, 1e-8);
        card.Difficulty.ShouldBe(difficulty, 1e-8);
        if (grade == Grade.Easy)
        {
            card.State.ShouldBe(CardState.Review);
            card.DueDay.ShouldBe(scheduler.Calendar.DayOf(Start.AddMinutes(minutesUntilDue)));
        }
        else
        {
            card.State.ShouldBe(CardState.Learning);
            card.Due.ShouldBe(Start.AddMinutes(minutesUntilDue));
        }
    }

    [Theory]
    [InlineData(0.70, 93)]
    [InlineData(0.80, 33)]
    [InlineData(0.85, 19)]
    [InlineData(0.90, 10)]
    [InlineData(0.95, 4)]
    [InlineData(0.97, 2)]
    public void Interval_FollowsTheDesiredRetention_WhenStabilityIsTenDays(double retention, int days)
    {
        new Fsrs(FsrsParameters.Default, retention).Interval(10).ShouldBe(days);
    }

    [Fact]
    public void Review_DrawsTheSameFuzz_WhenTheSameCardAndReview_AndStaysInTheFuzzRange()
    {
        var scheduler = new FsrsScheduler(SchedulerSettings.Default with { Calendar = StudyCalendar.Utc });
        var graduated = new Card(CardState.Review, new MemoryState(100, 5), 0, 5, 0, Start, scheduler.Calendar.DayOf(Start), 0, 100, Start.AddDays(100), scheduler.Calendar.DayOf(Start) + 100);
        var at = Start.AddDays(100);
        var draws = new HashSet<int>();

        for (ulong seed = 0; seed < 200; seed++)
        {
            var first = scheduler.Review(graduated, Grade.Good, at, seed);
            var again = scheduler.Review(graduated, Grade.Good, at, seed);
            again.ShouldBe(first);
            first.Card.DueDay.ShouldBeInRange(first.EarliestDay, first.LatestDay);
            draws.Add(first.Card.ScheduledDays);
        }

        draws.Count.ShouldBeGreaterThan(5, "fuzz spreads the due days of different cards");
    }

    [Theory]
    [InlineData(100, 0, 93, 107)]
    [InlineData(3, 0, 2, 4)]
    [InlineData(10, 0, 8, 12)]
    [InlineData(10, 12, 8, 12)]
    [InlineData(10, 9, 10, 12)]
    public void FuzzRange_MatchesTheReference(int interval, int elapsed, int min, int max)
    {
        new FsrsScheduler(SchedulerSettings.Default).FuzzRange(interval, elapsed).ShouldBe((min, max));
    }

    [Fact]
    public void Review_KeepsHardGoodEasyInOrder_WhenAReviewCardIsGraded()
    {
        var scheduler = new FsrsScheduler(SchedulerSettings.Default with { Calendar = StudyCalendar.Utc });
        var day = scheduler.Calendar.DayOf(Start);
        for (var stability = 0.5; stability < 400; stability *= 1.7)
        {
            var card = new Card(CardState.Review, new MemoryState(stability, 6), 0, 3, 0, Start, day, 0, 1, Start, day);
            var at = Start.AddDays(Math.Max(1, (int)stability));
            var hard = scheduler.Review(card, Grade.Hard, at, 7).Card.ScheduledDays;
            var good = scheduler.Review(card, Grade.Good, at, 7).Card.ScheduledDays;
            var easy = scheduler.Review(card, Grade.Easy, at, 7).Card.ScheduledDays;

            hard.ShouldBeLessThan(good, $"S = {stability}");
            good.ShouldBeLessThan(easy, $"S = {stability}");
        }
    }
}

public sealed class FsrsSchedulerRescheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reschedule_GivesTheReviewsOwnDueDay_WhenTheSettingsAreUnchanged()
    {
        var scheduler = new FsrsScheduler(SchedulerSettings.Default with { Calendar = StudyCalendar.Utc });
        var day = scheduler.Calendar.DayOf(Start);
        for (var stability = 3.0; stability < 300; stability *= 1.9)
        {
            var card = new Card(CardState.Review, new MemoryState(stability, 5), 0, 3, 0, Start.AddDays(-(int)stability), day - (int)stability, 0, (int)stability, Start, day);
            var reviewed = scheduler.Review(card, Grade.Good, Start, 99);

            var again = scheduler.Reschedule(reviewed.Card, 99);

            again.Card.DueDay.ShouldBe(reviewed.Card.DueDay, $"S = {stability}");
            (again.EarliestDay, again.LatestDay).ShouldBe((reviewed.EarliestDay, reviewed.LatestDay));
        }
    }

    [Fact]
    public void Reschedule_MovesTheDueDay_WhenTheDesiredRetentionChanges()
    {
        var loose = new FsrsScheduler(SchedulerSettings.Default with { Fuzz = false, DesiredRetention = 0.80, Calendar = StudyCalendar.Utc });
        var strict = new FsrsScheduler(SchedulerSettings.Default with { Fuzz = false, DesiredRetention = 0.95, Calendar = StudyCalendar.Utc });
        var day = loose.Calendar.DayOf(Start);
        var card = loose.Review(new Card(CardState.Review, new MemoryState(20, 5), 0, 3, 0, Start.AddDays(-20), day - 20, 0, 20, Start, day), Grade.Good, Start).Card;

        var moved = strict.Reschedule(card).Card;

        moved.DueDay.ShouldBeLessThan(card.DueDay);
        moved.DueDay.ShouldBe(day + strict.Model.Interval(card.Stability));
        (moved.Stability, moved.Reps, moved.LastReviewDay).ShouldBe((card.Stability, card.Reps, card.LastReviewDay));
    }
}

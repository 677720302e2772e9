using CertPrep.Domain.Planning;

namespace CertPrep.Domain.Tests.Planning;

public sealed class StudyStreakTests
{
    private static readonly DateOnly Today = new(2026, 3, 6); // a Friday

    [Fact]
    public void Of_CountsTheRunEndingToday()
    {
        var streak = StudyStreak.Of(Days(0, 1, 2, 5, 6), Today);

        streak.ShouldBe(new StudyStreak(3, 3));
    }

    [Fact]
    public void Of_KeepsTheRunAlive_WhileTodayIsStillOpen()
    {
        StudyStreak.Of(Days(1, 2, 3, 4), Today).Current.ShouldBe(4);
    }

    [Fact]
    public void Of_EndsTheRun_WhenAStudyDayWasMissed()
    {
        var streak = StudyStreak.Of(Days(0, 2, 3, 4, 5, 6), Today);

        streak.Current.ShouldBe(1);
        streak.Longest.ShouldBe(5);
    }

    [Fact]
    public void Of_SkipsDaysTheLearnerDoesNotStudy_WithoutBreakingTheRun()
    {
        var saturday = Today.AddDays(-6);
        var sunday = Today.AddDays(-5);

        var streak = StudyStreak.Of(Days(0, 1, 2, 3, 4, 7, 8), Today, d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

        saturday.DayOfWeek.ShouldBe(DayOfWeek.Saturday);
        sunday.DayOfWeek.ShouldBe(DayOfWeek.Sunday);
        streak.Current.ShouldBe(7, "Mon-Fri this week and Thu-Fri last week, the weekend skipped");
    }

    [Fact]
    public void Of_IsZero_WhenNothingWasStudied()
    {
        StudyStreak.Of(new HashSet<DateOnly>(), Today).ShouldBe(new StudyStreak(0, 0));
    }

    private static HashSet<DateOnly> Days(params int[] daysAgo) => [.. daysAgo.Select(d => Today.AddDays(-d))];
}

using CertPrep.Domain.Scheduling;

namespace CertPrep.Domain.Tests.Scheduling;

public sealed class StudyCalendarTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    [Theory]
    [InlineData("2026-03-10T03:59:00+00:00", "2026-03-09")]
    [InlineData("2026-03-10T04:00:00+00:00", "2026-03-10")]
    [InlineData("2026-03-10T23:59:00+00:00", "2026-03-10")]
    public void DayOf_StartsTheDayAtTheDayStart_WhenUtcAndFourOClock(string instant, string day)
    {
        var calendar = new StudyCalendar(TimeZoneInfo.Utc, TimeSpan.FromHours(4));

        calendar.DayOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(Day(day));
    }

    [Theory]
    [InlineData("2026-03-10T00:00:00+00:00", "2026-03-10")]
    [InlineData("2026-03-09T23:59:59+00:00", "2026-03-09")]
    public void DayOf_IsTheUtcCalendarDate_WhenUtcAndMidnight(string instant, string day)
    {
        StudyCalendar.Utc.DayOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(Day(day));
    }

    [Theory]
    // New York, 4:00 day start: 03:59 local is still yesterday, 04:00 local is today, in winter (UTC-5) and summer (UTC-4).
    [InlineData("2026-01-15T08:59:00+00:00", "2026-01-14")]
    [InlineData("2026-01-15T09:00:00+00:00", "2026-01-15")]
    [InlineData("2026-07-15T07:59:00+00:00", "2026-07-14")]
    [InlineData("2026-07-15T08:00:00+00:00", "2026-07-15")]
    public void DayOf_UsesTheLearnersLocalTime(string instant, string day)
    {
        var calendar = new StudyCalendar(NewYork, TimeSpan.FromHours(4));

        calendar.DayOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(Day(day));
    }

    [Fact]
    public void StartOf_IsTheLocalDayStart_OnBothSidesOfASpringForwardChange()
    {
        // Clocks in New York went from 02:00 to 03:00 on 8 March 2026: the day start at 04:00 exists on every day, but
        // the offset changes from -5 to -4, so the UTC instant moves by an hour.
        var calendar = new StudyCalendar(NewYork, TimeSpan.FromHours(4));

        calendar.StartOf(Day("2026-03-07")).ShouldBe(DateTimeOffset.Parse("2026-03-07T04:00:00-05:00", System.Globalization.CultureInfo.InvariantCulture));
        calendar.StartOf(Day("2026-03-08")).ShouldBe(DateTimeOffset.Parse("2026-03-08T04:00:00-04:00", System.Globalization.CultureInfo.InvariantCulture));
        (calendar.StartOf(Day("2026-03-08")) - calendar.StartOf(Day("2026-03-07"))).ShouldBe(TimeSpan.FromHours(23), "the day of the change is 23 hours long");
    }

    [Fact]
    public void StartOf_MovesPastTheGap_WhenTheDayStartFallsIntoIt()
    {
        // A 02:30 day start does not exist on 8 March 2026 in New York: that day begins at 03:00 local (07:00 UTC).
        var calendar = new StudyCalendar(NewYork, new TimeSpan(2, 30, 0));

        var start = calendar.StartOf(Day("2026-03-08"));

        start.UtcDateTime.ShouldBe(new DateTime(2026, 3, 8, 7, 0, 0, DateTimeKind.Utc));
        calendar.DayOf(start).ShouldBe(Day("2026-03-08"));
        calendar.DayOf(start.AddTicks(-1)).ShouldBe(Day("2026-03-07"));
    }

    [Fact]
    public void DayOf_CountsAFallBackDayOnce_AndItsStartIsTheFirstOccurrence()
    {
        // Berlin went back from 03:00 to 02:00 on 25 October 2026; with a 02:30 day start, 02:30 happens twice.
        var calendar = new StudyCalendar(Berlin, new TimeSpan(2, 30, 0));

        var start = calendar.StartOf(Day("2026-10-25"));

        start.ShouldBe(DateTimeOffset.Parse("2026-10-25T02:30:00+02:00", System.Globalization.CultureInfo.InvariantCulture));
        calendar.DayOf(start.AddHours(1)).ShouldBe(Day("2026-10-25"), "the second 02:30 is the same learner day");
        (calendar.StartOf(Day("2026-10-26")) - start).ShouldBe(TimeSpan.FromHours(25));
    }

    [Fact]
    public void Elapsed_IsOneDay_AcrossADaylightSavingChange_WhenReviewedAtTheSameLocalTime()
    {
        var scheduler = new FsrsScheduler(SchedulerSettings.Default with { Fuzz = false, Calendar = new StudyCalendar(NewYork, TimeSpan.FromHours(4)) });
        var saturday = DateTimeOffset.Parse("2026-03-07T20:00:00-05:00", System.Globalization.CultureInfo.InvariantCulture);
        var sunday = DateTimeOffset.Parse("2026-03-08T20:00:00-04:00", System.Globalization.CultureInfo.InvariantCulture);
        var card = scheduler.Review(Card.New(saturday, scheduler.Calendar), Grade.Easy, saturday).Card;

        var next = scheduler.Review(card, Grade.Good, sunday).Card;

        next.ElapsedDays.ShouldBe(1);
    }

    [Fact]
    public void DayOf_HandlesHalfHourOffsets()
    {
        var calendar = new StudyCalendar(Kolkata, TimeSpan.FromHours(4));

        calendar.DayOf(DateTimeOffset.Parse("2026-05-01T22:29:00+00:00", System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(Day("2026-05-01"));
        calendar.DayOf(DateTimeOffset.Parse("2026-05-01T22:30:00+00:00", System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(Day("2026-05-02"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(24 * 60)]
    public void Constructor_Throws_WhenTheDayStartIsNotATimeOfDay(int minutes)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new StudyCalendar(TimeZoneInfo.Utc, TimeSpan.FromMinutes(minutes)));
    }

    private static int Day(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).DayNumber;
}

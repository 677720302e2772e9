using System.Text;
using CertPrep.Domain.Planning;

namespace CertPrep.Domain.Tests.Planning;

public sealed class ICalendarTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Write_UsesCrlfAndFoldsEveryLineAt75Octets_WithoutSplittingACharacter()
    {
        var summary = string.Concat(Enumerable.Repeat("Übung für Ärzte – ", 12));
        var text = ICalendar.Write("CertPrep", Berlin, [Event(new DateOnly(2026, 3, 10), summary)], Stamp);

        text.ShouldEndWith("END:VCALENDAR\r\n");
        text.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\n');
        var lines = text.Split("\r\n");
        lines.ShouldAllBe(l => Encoding.UTF8.GetByteCount(l) <= 75);
        Unfold(text).ShouldContain("SUMMARY:" + summary);
    }

    [Fact]
    public void Write_EscapesText_SoCommasSemicolonsAndLineBreaksStayText()
    {
        var text = ICalendar.Write("CertPrep", Berlin, [Event(new DateOnly(2026, 3, 10), "Read: MRP; netting, lot sizing\nand \\ more")], Stamp);

        Unfold(text).ShouldContain(@"SUMMARY:Read: MRP\; netting\, lot sizing\nand \\ more");
    }

    [Fact]
    public void Write_HasTheRequiredProperties_OfACalendarAndItsEvents()
    {
        var text = Unfold(ICalendar.Write("CertPrep", Berlin, [Event(new DateOnly(2026, 3, 10), "A")], Stamp));

        text.ShouldStartWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:");
        text.ShouldContain("UID:a@test\r\nDTSTAMP:20260301T120000Z\r\nDTSTART;TZID=Europe/Berlin:20260310T190000\r\nDURATION:PT45M");
        text.ShouldContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin");
    }

    [Fact]
    public void Write_ListsTheDaylightSavingChanges_InTheEventsRange()
    {
        // Europe/Berlin: summer time from 29 March 2026 01:00 UTC, winter time from 25 October 2026 01:00 UTC.
        var text = Unfold(ICalendar.Write("CertPrep", Berlin, [Event(new DateOnly(2026, 3, 20), "A"), Event(new DateOnly(2026, 11, 2), "B")], Stamp));

        text.ShouldContain("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200");
        text.ShouldContain("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100");
    }

    [Fact]
    public void Transitions_FindsTheMinuteOfEachChange_InBothHemispheres()
    {
        var sydney = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");
        var changes = ICalendar.Transitions(sydney, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        changes.Count.ShouldBe(2);
        changes[0].Utc.ShouldBe(new DateTime(2026, 4, 4, 16, 0, 0)); // 3:00 AEDT on 5 April back to 2:00 AEST
        changes[0].Daylight.ShouldBeFalse();
        changes[1].Utc.ShouldBe(new DateTime(2026, 10, 3, 16, 0, 0)); // 2:00 AEST on 4 October to 3:00 AEDT
        changes[1].To.ShouldBe(TimeSpan.FromHours(11));
    }

    [Fact]
    public void Write_UsesUtcTimes_AndNoZone_ForUtcLearners()
    {
        var text = ICalendar.Write("CertPrep", TimeZoneInfo.Utc, [Event(new DateOnly(2026, 3, 10), "A")], Stamp);

        text.ShouldContain("DTSTART:20260310T190000Z");
        text.ShouldNotContain("VTIMEZONE");
    }

    private static CalendarEvent Event(DateOnly date, string summary) =>
        new(summary == "B" ? "b@test" : "a@test", date, new TimeOnly(19, 0), 45, summary, "Tasks:\n- one", null);

    private static string Unfold(string text) => text.Replace("\r\n ", "", StringComparison.Ordinal);
}

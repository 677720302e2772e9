using System.Globalization;
using System.Text;

namespace CertPrep.Domain.Planning;

/// <summary>A timed event for the calendar feed, in the learner's local time.</summary>
/// <param name="Uid">Globally unique and stable across feeds, so calendars update events instead of duplicating them.</param>
/// <param name="Date">The learner's date.</param>
/// <param name="Start">Local start time.</param>
/// <param name="Minutes">Duration.</param>
/// <param name="Summary">Title.</param>
/// <param name="Description">Details (plain text).</param>
/// <param name="Url">Where to do it, when there is one.</param>
public sealed record CalendarEvent(string Uid, DateOnly Date, TimeOnly Start, int Minutes, string Summary, string Description, string? Url);

/// <summary>
/// Writes an iCalendar object (RFC 5545): CRLF line ends, content lines folded at 75 octets without splitting a UTF-8
/// character, TEXT values escaped, and a <c>VTIMEZONE</c> that lists every UTC-offset change of the learner's zone over
/// the events' range, so a calendar shows the times right even across daylight-saving changes and whatever time-zone
/// database it has. Events in UTC are written with the <c>Z</c> form and no <c>VTIMEZONE</c>.
/// </summary>
public static class ICalendar
{
    /// <summary>The calendar text.</summary>
    public static string Write(string name, TimeZoneInfo zone, IReadOnlyList<CalendarEvent> events, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(events);
        var text = new StringBuilder();
        var utc = zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime;
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//CertPrep//Study plan//EN");
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:PUBLISH");
        Line(text, "X-WR-CALNAME:" + Escape(name));
        Line(text, "X-WR-TIMEZONE:" + (utc ? "UTC" : zone.Id));
        Line(text, "REFRESH-INTERVAL;VALUE=DURATION:PT6H");
        Line(text, "X-PUBLISHED-TTL:PT6H");
        if (!utc && events.Count > 0)
        {
            WriteZone(text, zone, events.Min(e => e.Date), events.Max(e => e.Date));
        }

        var dtstamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var e in events)
        {
            var local = e.Date.ToDateTime(e.Start);
            Line(text, "BEGIN:VEVENT");
            Line(text, "UID:" + e.Uid);
            Line(text, "DTSTAMP:" + dtstamp);
            Line(text, utc
                ? "DTSTART:" + local.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)
                : $"DTSTART;TZID={zone.Id}:{local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}");
            Line(text, $"DURATION:PT{Math.Max(1, e.Minutes)}M");
            Line(text, "SUMMARY:" + Escape(e.Summary));
            Line(text, "DESCRIPTION:" + Escape(e.Description));
            if (e.Url is not null)
            {
                Line(text, "URL:" + e.Url);
            }

            Line(text, "TRANSP:OPAQUE");
            Line(text, "END:VEVENT");
        }

        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    /// <summary>The UTC-offset changes of a zone between two instants: when, the offset before and after, and whether daylight time starts.</summary>
    public static IReadOnlyList<(DateTime Utc, TimeSpan From, TimeSpan To, bool Daylight)> Transitions(TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var result = new List<(DateTime, TimeSpan, TimeSpan, bool)>();
        var at = DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc);
        var offset = zone.GetUtcOffset(at);
        while (at < toUtc)
        {
            var next = at.AddHours(6);
            var nextOffset = zone.GetUtcOffset(next);
            if (nextOffset != offset)
            {
                // Narrow the change down to the minute (offsets change on whole minutes).
                var (lo, hi) = (at, next);
                while ((hi - lo).TotalMinutes > 1)
                {
                    var mid = lo.AddMinutes(Math.Floor((hi - lo).TotalMinutes / 2));
                    (lo, hi) = zone.GetUtcOffset(mid) == offset ? (mid, hi) : (lo, mid);
                }

                result.Add((hi, offset, nextOffset, zone.IsDaylightSavingTime(hi)));
                offset = nextOffset;
            }

            at = next;
        }

        return result;
    }

    private static void WriteZone(StringBuilder text, TimeZoneInfo zone, DateOnly first, DateOnly last)
    {
        var from = first.AddDays(-2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = last.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var initial = zone.GetUtcOffset(from);
        Line(text, "BEGIN:VTIMEZONE");
        Line(text, "TZID:" + zone.Id);
        // The offset in force before the first change, as an observance that starts well before any event.
        Observance(text, zone.IsDaylightSavingTime(from), new DateTime(1970, 1, 1), initial, initial, zone);
        foreach (var (utc, before, after, daylight) in Transitions(zone, from, to))
        {
            // DTSTART of an observance is the local time of the change, read with the offset before it (RFC 5545 3.6.5).
            Observance(text, daylight, utc + before, before, after, zone);
        }

        Line(text, "END:VTIMEZONE");
    }

    private static void Observance(StringBuilder text, bool daylight, DateTime localStart, TimeSpan from, TimeSpan to, TimeZoneInfo zone)
    {
        var kind = daylight ? "DAYLIGHT" : "STANDARD";
        Line(text, "BEGIN:" + kind);
        Line(text, "DTSTART:" + localStart.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
        Line(text, "TZOFFSETFROM:" + Offset(from));
        Line(text, "TZOFFSETTO:" + Offset(to));
        Line(text, "TZNAME:" + Escape(daylight ? zone.DaylightName : zone.StandardName));
        Line(text, "END:" + kind);
    }

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    /// <summary>Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);
    }

    /// <summary>Appends a content line, folded so no physical line is longer than 75 octets (RFC 5545 3.1).</summary>
    private static void Line(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space of a continuation line counts
            }

            text.Append(rune.ToString());
            octets += size;
        }

        text.Append("\r\n");
    }
}

namespace CertPrep.Domain.Scheduling;

/// <summary>
/// Counts days as a learner lives them: in their time zone, each day starting at <see cref="DayStart"/> (04:00 by
/// default, so a review at 01:00 still belongs to the evening before). Day numbers are <see cref="DateOnly.DayNumber"/>
/// of the learner's calendar date. With UTC and a day start of 00:00 the count equals the reference implementation's
/// (calendar days in UTC).
/// </summary>
public sealed class StudyCalendar
{
    private const long TicksPerDay = TimeSpan.TicksPerDay;
    private readonly TimeZoneInfo _zone;
    private readonly long _fixedOffsetTicks;
    private readonly bool _fixedOffset;

    /// <summary>A calendar for a time zone and a day-start time of day (00:00 to 23:59).</summary>
    public StudyCalendar(TimeZoneInfo zone, TimeSpan dayStart)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (dayStart < TimeSpan.Zero || dayStart >= TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(dayStart), dayStart, "The day starts between 00:00 and 23:59.");
        }

        _zone = zone;
        DayStart = dayStart;
        _fixedOffset = !zone.SupportsDaylightSavingTime && zone.GetAdjustmentRules().Length == 0;
        _fixedOffsetTicks = zone.BaseUtcOffset.Ticks;
    }

    /// <summary>UTC days starting at midnight: the reference implementation's days.</summary>
    public static StudyCalendar Utc { get; } = new(TimeZoneInfo.Utc, TimeSpan.Zero);

    /// <summary>The default day start, as in Anki.</summary>
    public static TimeSpan DefaultDayStart { get; } = TimeSpan.FromHours(4);

    /// <summary>The learner's time zone.</summary>
    public TimeZoneInfo TimeZone => _zone;

    /// <summary>When the learner's day begins, in local time.</summary>
    public TimeSpan DayStart { get; }

    /// <summary>The learner's day that <paramref name="instant"/> falls in.</summary>
    public int DayOf(DateTimeOffset instant)
    {
        var localTicks = _fixedOffset
            ? instant.UtcTicks + _fixedOffsetTicks
            : TimeZoneInfo.ConvertTime(instant, _zone).Ticks;
        return (int)((localTicks - DayStart.Ticks) / TicksPerDay);
    }

    /// <summary>
    /// The instant day <paramref name="day"/> begins. When the day start falls in a daylight-saving gap the day begins
    /// at the first valid local time after it; when it is ambiguous (clocks going back), at its first occurrence.
    /// </summary>
    public DateTimeOffset StartOf(int day)
    {
        var local = new DateTime(DateOnly.FromDayNumber(day), TimeOnly.FromTimeSpan(DayStart), DateTimeKind.Unspecified);
        if (_fixedOffset)
        {
            return new DateTimeOffset(local, _zone.BaseUtcOffset);
        }

        while (_zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}

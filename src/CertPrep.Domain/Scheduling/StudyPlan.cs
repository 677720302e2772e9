namespace CertPrep.Domain.Scheduling;

/// <summary>How much review a learner wants on a weekday.</summary>
public enum EasyDayLevel
{
    /// <summary>A normal day.</summary>
    Normal = 0,

    /// <summary>About half the usual reviews.</summary>
    Reduced = 1,

    /// <summary>No reviews moved onto this day (cards still fall due on it when there is no other day).</summary>
    None = 2,
}

/// <summary>A learner's week: the review level of each weekday.</summary>
public sealed record EasyDays
{
    private readonly EasyDayLevel[] _levels = new EasyDayLevel[7];

    /// <summary>Every day normal.</summary>
    public static EasyDays AllNormal { get; } = new();

    /// <summary>The level of a weekday.</summary>
    public EasyDayLevel this[DayOfWeek day] => _levels[(int)day];

    /// <summary>A week with <paramref name="day"/> set to <paramref name="level"/>.</summary>
    public EasyDays With(DayOfWeek day, EasyDayLevel level)
    {
        var copy = new EasyDays();
        _levels.CopyTo(copy._levels, 0);
        copy._levels[(int)day] = level;
        return copy;
    }

    /// <summary>Share of a normal day's load the day should carry (1, 0.5 or 0).</summary>
    public double Capacity(int dayNumber) => this[DateOnly.FromDayNumber(dayNumber).DayOfWeek] switch
    {
        EasyDayLevel.Reduced => 0.5,
        EasyDayLevel.None => 0,
        _ => 1,
    };

    /// <inheritdoc />
    public bool Equals(EasyDays? other) => other is not null && _levels.AsSpan().SequenceEqual(other._levels);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_levels[0], _levels[1], _levels[2], _levels[3], _levels[4], _levels[5], _levels[6]);
}

/// <summary>The exam a learner is working towards.</summary>
/// <param name="ExamDay">The learner's day of the exam (see <see cref="StudyCalendar"/>).</param>
/// <param name="Target">Recall probability every card should have on exam day (default 0.90).</param>
public sealed record ExamGoal(int ExamDay, double Target = 0.90)
{
    /// <summary>Lowest exam-day target a learner may choose.</summary>
    public const double MinTarget = 0.70;

    /// <summary>Highest exam-day target a learner may choose.</summary>
    public const double MaxTarget = 0.99;

    /// <summary>Checks the target's range.</summary>
    public ExamGoal Validated() =>
        Target is < MinTarget or > MaxTarget || double.IsNaN(Target)
            ? throw new ArgumentOutOfRangeException(nameof(Target), Target, $"The exam-day target is between {MinTarget} and {MaxTarget}.")
            : this;
}

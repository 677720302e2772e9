namespace CertPrep.Domain.Scheduling;

/// <summary>A learner's scheduling settings.</summary>
public sealed record SchedulerSettings
{
    /// <summary>Lowest desired retention a learner may choose.</summary>
    public const double MinDesiredRetention = 0.70;

    /// <summary>Highest desired retention a learner may choose.</summary>
    public const double MaxDesiredRetention = 0.97;

    /// <summary>Defaults: FSRS-6 weights, retention 0.90, steps 1 and 10 minutes, relearning 10 minutes, fuzz on.</summary>
    public static SchedulerSettings Default { get; } = new();

    /// <summary>The FSRS weights.</summary>
    public FsrsParameters Parameters { get; init; } = FsrsParameters.Default;

    /// <summary>Recall probability at which a card falls due.</summary>
    public double DesiredRetention { get; init; } = 0.90;

    /// <summary>Learning steps for a new card.</summary>
    public IReadOnlyList<TimeSpan> LearningSteps { get; init; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)];

    /// <summary>Relearning steps after a lapse.</summary>
    public IReadOnlyList<TimeSpan> RelearningSteps { get; init; } = [TimeSpan.FromMinutes(10)];

    /// <summary>Longest interval in days.</summary>
    public int MaximumInterval { get; init; } = 36500;

    /// <summary>Whether intervals of 3 days and more are spread over a small range (seeded per card and review).</summary>
    public bool Fuzz { get; init; } = true;

    /// <summary>
    /// Whether learning steps and the short-term model are used; off is the reference's "long-term only" mode in which
    /// every grade gets a day interval.
    /// </summary>
    public bool ShortTerm { get; init; } = true;

    /// <summary>The learner's days.</summary>
    public StudyCalendar Calendar { get; init; } = new(TimeZoneInfo.Utc, StudyCalendar.DefaultDayStart);

    /// <summary>Checks the ranges a learner may set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public SchedulerSettings Validated()
    {
        if (DesiredRetention is < MinDesiredRetention or > MaxDesiredRetention || double.IsNaN(DesiredRetention))
        {
            throw new ArgumentOutOfRangeException(nameof(DesiredRetention), DesiredRetention, $"Desired retention is between {MinDesiredRetention} and {MaxDesiredRetention}.");
        }

        if (LearningSteps.Concat(RelearningSteps).Any(s => s < TimeSpan.FromMinutes(1)))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningSteps), "Steps are at least one minute.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumInterval, 1);
        return this;
    }
}

namespace CertPrep.Domain.Scheduling;

/// <summary>
/// The scheduling state of one card (a learner and a question, or a learner and a glossary term). Immutable: a review
/// returns the next state.
/// </summary>
/// <param name="State">New, learning, review or relearning.</param>
/// <param name="Memory">Stability and difficulty; zero for a new card.</param>
/// <param name="Step">Index of the next learning or relearning step.</param>
/// <param name="Reps">Reviews so far.</param>
/// <param name="Lapses">Times forgotten after graduating.</param>
/// <param name="LastReview">When it was last reviewed; <c>null</c> for a new card.</param>
/// <param name="LastReviewDay">The learner's day of the last review (see <see cref="StudyCalendar"/>).</param>
/// <param name="ElapsedDays">Days between the previous review and the last one.</param>
/// <param name="ScheduledDays">Days from the last review to the due day (0 while in minute steps).</param>
/// <param name="Due">When it falls due: the start of the due day, or the exact time of a minute step.</param>
/// <param name="DueDay">The learner's day it falls due.</param>
public readonly record struct Card(
    CardState State,
    MemoryState Memory,
    int Step,
    int Reps,
    int Lapses,
    DateTimeOffset? LastReview,
    int LastReviewDay,
    int ElapsedDays,
    int ScheduledDays,
    DateTimeOffset Due,
    int DueDay)
{
    /// <summary>A card never reviewed, due at once.</summary>
    public static Card New(DateTimeOffset now, StudyCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new Card(CardState.New, default, 0, 0, 0, null, 0, 0, 0, now, calendar.DayOf(now));
    }

    /// <summary>Stability in days.</summary>
    public double Stability => Memory.Stability;

    /// <summary>Difficulty, 1-10.</summary>
    public double Difficulty => Memory.Difficulty;
}

/// <summary>The outcome of a review: the card's next state and the window its due day may be moved within.</summary>
/// <param name="Card">The next state (due day drawn by fuzz when enabled).</param>
/// <param name="Interval">The interval before fuzz, in days (0 for a minute step).</param>
/// <param name="EarliestDay">The earliest due day the fuzz range allows (load levelling may move it there).</param>
/// <param name="LatestDay">The latest due day the fuzz range allows.</param>
public readonly record struct ReviewOutcome(Card Card, int Interval, int EarliestDay, int LatestDay);

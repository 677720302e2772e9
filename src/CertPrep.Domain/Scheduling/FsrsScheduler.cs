namespace CertPrep.Domain.Scheduling;

/// <summary>
/// Schedules cards with FSRS-6 the way the reference implementation (ts-fsrs) does: learning and relearning steps in
/// minutes, graduation with the FSRS interval, intervals of the four grades kept in order, fuzz, and the long-term-only
/// mode. Days are counted by the learner's <see cref="StudyCalendar"/>; fuzz is drawn from a seed per card and review,
/// so the same history always gives the same schedule.
/// </summary>
public sealed class FsrsScheduler
{
    private const int MinutesPerDay = 1440;
    private readonly SchedulerSettings _settings;
    private readonly StudyCalendar _calendar;
    private readonly int[] _learningSteps;
    private readonly int[] _relearningSteps;

    /// <summary>A scheduler for one learner's settings.</summary>
    public FsrsScheduler(SchedulerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _calendar = settings.Calendar;
        _learningSteps = [.. settings.LearningSteps.Select(s => (int)s.TotalMinutes)];
        _relearningSteps = [.. settings.RelearningSteps.Select(s => (int)s.TotalMinutes)];
        Model = new Fsrs(settings.Parameters, settings.DesiredRetention, settings.MaximumInterval, settings.ShortTerm);
    }

    /// <summary>The memory model.</summary>
    public Fsrs Model { get; }

    /// <summary>The learner's days.</summary>
    public StudyCalendar Calendar => _calendar;

    /// <summary>Reviews <paramref name="card"/> at <paramref name="now"/> with <paramref name="grade"/>.</summary>
    /// <param name="card">The card before the review.</param>
    /// <param name="grade">How the review went.</param>
    /// <param name="now">When it happened.</param>
    /// <param name="cardSeed">A number fixed per card (e.g. a hash of its id): with the review count it seeds the fuzz.</param>
    public ReviewOutcome Review(in Card card, Grade grade, DateTimeOffset now, ulong cardSeed = 0)
    {
        if (grade is < Grade.Again or > Grade.Easy)
        {
            throw new ArgumentOutOfRangeException(nameof(grade), grade, "Grades are Again, Hard, Good and Easy.");
        }

        var today = _calendar.DayOf(now);
        var elapsed = card.State == CardState.New || card.LastReview is null ? 0 : Math.Max(0, today - card.LastReviewDay);
        var fuzz = _settings.Fuzz ? UnitInterval(cardSeed, card.Reps) : -1;
        var review = new Pending(card, now, today, elapsed, fuzz);
        return _settings.ShortTerm ? WithSteps(review, grade) : LongTermOnly(review, grade);
    }

    /// <summary>
    /// The due day a graduated card would get now from its last review, under these settings (no new review): used to
    /// re-plan cards when the learner changes the desired retention, the exam date or easy days. For a card reviewed
    /// under the same settings it gives the day that review gave (before load levelling).
    /// </summary>
    public ReviewOutcome Reschedule(in Card card, ulong cardSeed = 0)
    {
        if (card.State != CardState.Review || card.LastReview is not { } last)
        {
            return new ReviewOutcome(card, card.ScheduledDays, card.DueDay, card.DueDay);
        }

        var fuzz = _settings.Fuzz ? UnitInterval(cardSeed, card.Reps - 1) : -1;
        var review = new Pending(card with { Reps = card.Reps - 1, Lapses = card.Lapses }, last, card.LastReviewDay, card.ElapsedDays, fuzz);
        var interval = Model.Interval(card.Stability);
        var outcome = Graduated(review, card.Memory, Fuzzed(review, interval), interval, lapse: false);
        return outcome with { Card = outcome.Card with { Lapses = card.Lapses, Step = card.Step } };
    }

    /// <summary>The fuzz window for an interval: the days a card may fall due without changing its schedule meaningfully.</summary>
    public (int Min, int Max) FuzzRange(int interval, int elapsedDays)
    {
        var delta = 1 + (0.15 * Math.Max(Math.Min(interval, 7) - 2.5, 0)) + (0.10 * Math.Max(Math.Min(interval, 20) - 7, 0)) + (0.05 * Math.Max(interval - 20, 0));
        var capped = Math.Min(interval, Model.MaximumInterval);
        var min = (int)Math.Max(2, Fsrs.JsRound(capped - delta));
        var max = (int)Math.Min(Fsrs.JsRound(capped + delta), Model.MaximumInterval);
        if (capped > elapsedDays)
        {
            min = Math.Max(min, elapsedDays + 1);
        }

        return (Math.Min(min, max), max);
    }

    private ReviewOutcome WithSteps(in Pending review, Grade grade)
    {
        var card = review.Card;
        switch (card.State)
        {
            case CardState.New:
                return ApplySteps(review, Model.Next(null, review.Elapsed, grade), grade, CardState.Learning, lapse: false);
            case CardState.Learning or CardState.Relearning:
                return ApplySteps(review, Model.Next(card.Memory, review.Elapsed, grade), grade, card.State, lapse: false);
            default:
                var r = Model.Retrievability(review.Elapsed, card.Stability);
                if (grade == Grade.Again)
                {
                    return ApplySteps(review, Model.Next(card.Memory, review.Elapsed, Grade.Again, r), grade, CardState.Relearning, lapse: true);
                }

                var hard = Model.Next(card.Memory, review.Elapsed, Grade.Hard, r);
                var good = Model.Next(card.Memory, review.Elapsed, Grade.Good, r);
                var easy = Model.Next(card.Memory, review.Elapsed, Grade.Easy, r);
                var hardDays = Fuzzed(review, Model.Interval(hard.Stability));
                var goodDays = Fuzzed(review, Model.Interval(good.Stability));
                var easyDays = Fuzzed(review, Model.Interval(easy.Stability));
                hardDays = Math.Min(hardDays, goodDays);
                goodDays = Math.Max(goodDays, hardDays + 1);
                easyDays = Math.Max(easyDays, goodDays + 1);
                return grade switch
                {
                    Grade.Hard => Graduated(review, hard, hardDays, Model.Interval(hard.Stability), lapse: false),
                    Grade.Good => Graduated(review, good, goodDays, Model.Interval(good.Stability), lapse: false),
                    _ => Graduated(review, easy, easyDays, Model.Interval(easy.Stability), lapse: false),
                };
        }
    }

    private ReviewOutcome LongTermOnly(in Pending review, Grade grade)
    {
        var card = review.Card;
        var isNew = card.State == CardState.New;
        MemoryState? before = isNew ? null : card.Memory;
        double? r = isNew ? null : Model.Retrievability(review.Elapsed, card.Stability);
        var again = Model.Next(before, review.Elapsed, Grade.Again, r);
        var hard = Model.Next(before, review.Elapsed, Grade.Hard, r);
        var good = Model.Next(before, review.Elapsed, Grade.Good, r);
        var easy = Model.Next(before, review.Elapsed, Grade.Easy, r);
        var againDays = Fuzzed(review, Model.Interval(again.Stability));
        var hardDays = Fuzzed(review, Model.Interval(hard.Stability));
        var goodDays = Fuzzed(review, Model.Interval(good.Stability));
        var easyDays = Fuzzed(review, Model.Interval(easy.Stability));
        againDays = Math.Min(againDays, hardDays);
        hardDays = Math.Max(hardDays, againDays + 1);
        goodDays = Math.Max(goodDays, hardDays + 1);
        easyDays = Math.Max(easyDays, goodDays + 1);
        return grade switch
        {
            Grade.Again => Graduated(review, again, againDays, Model.Interval(again.Stability), lapse: !isNew),
            Grade.Hard => Graduated(review, hard, hardDays, Model.Interval(hard.Stability), lapse: false),
            Grade.Good => Graduated(review, good, goodDays, Model.Interval(good.Stability), lapse: false),
            _ => Graduated(review, easy, easyDays, Model.Interval(easy.Stability), lapse: false),
        };
    }

    /// <summary>The reference's learning-step rules: a minute step keeps the card in (re)learning, otherwise it graduates.</summary>
    private ReviewOutcome ApplySteps(in Pending review, MemoryState memory, Grade grade, CardState stepState, bool lapse)
    {
        var card = review.Card;
        var (minutes, nextStep) = StepFor(card.State, card.Step, grade);
        if (minutes is > 0 and < MinutesPerDay)
        {
            var due = review.Now.AddMinutes(minutes);
            var next = Reviewed(review, memory, stepState, nextStep, 0, due, _calendar.DayOf(due), lapse);
            return new ReviewOutcome(next, 0, next.DueDay, next.DueDay);
        }

        if (minutes >= MinutesPerDay)
        {
            var due = review.Now.AddMinutes(minutes);
            var days = minutes / MinutesPerDay;
            var next = Reviewed(review, memory, CardState.Review, nextStep, days, due, review.Today + days, lapse);
            return new ReviewOutcome(next, days, next.DueDay, next.DueDay);
        }

        var interval = Model.Interval(memory.Stability);
        return Graduated(review, memory, Fuzzed(review, interval), interval, lapse);
    }

    private (int Minutes, int NextStep) StepFor(CardState state, int step, Grade grade)
    {
        var steps = state is CardState.Relearning or CardState.Review ? _relearningSteps : _learningSteps;
        if (steps.Length == 0 || step >= steps.Length)
        {
            return (0, 0);
        }

        if (state == CardState.Review)
        {
            return grade == Grade.Again ? (steps[Math.Max(0, step)], 0) : (0, 0);
        }

        return grade switch
        {
            Grade.Again => (steps[0], 0),
            Grade.Hard => ((int)Fsrs.JsRound(steps.Length == 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2.0), step),
            Grade.Good when step + 1 < steps.Length && steps[step + 1] > 0 => (steps[step + 1], step + 1),
            _ => (0, 0),
        };
    }

    private ReviewOutcome Graduated(in Pending review, MemoryState memory, int days, int unfuzzed, bool lapse)
    {
        var dueDay = review.Today + days;
        var next = Reviewed(review, memory, CardState.Review, 0, days, _calendar.StartOf(dueDay), dueDay, lapse);
        if (review.Fuzz < 0 || unfuzzed < 2.5)
        {
            return new ReviewOutcome(next, unfuzzed, dueDay, dueDay);
        }

        var (min, max) = FuzzRange(unfuzzed, review.Elapsed);
        return new ReviewOutcome(next, unfuzzed, review.Today + min, review.Today + max);
    }

    private Card Reviewed(in Pending review, MemoryState memory, CardState state, int step, int scheduledDays, DateTimeOffset due, int dueDay, bool lapse) =>
        new(state, memory, step, review.Card.Reps + 1, review.Card.Lapses + (lapse ? 1 : 0), review.Now, review.Today, review.Elapsed, scheduledDays, due, dueDay);

    private int Fuzzed(in Pending review, int interval)
    {
        if (review.Fuzz < 0 || interval < 2.5)
        {
            return interval;
        }

        var (min, max) = FuzzRange(interval, review.Elapsed);
        return (int)Math.Floor((review.Fuzz * (max - min + 1)) + min);
    }

    /// <summary>A uniform number in [0, 1) from the card's seed and its review count (SplitMix64).</summary>
    private static double UnitInterval(ulong cardSeed, int reps)
    {
        var z = cardSeed + ((ulong)(reps + 1) * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    private readonly record struct Pending(Card Card, DateTimeOffset Now, int Today, int Elapsed, double Fuzz);
}

namespace CertPrep.Domain.Scheduling;

/// <summary>
/// Chooses the day a just-reviewed card falls due. Without an exam date: FSRS's interval, moved within its fuzz window
/// to the day with the lightest planned load, honouring easy days. With an exam date, before that: an interval that
/// would leave the card below the exam-day target on exam day is shortened so the next review lands while the card is
/// still at the target and before the exam; a card that will be at the target on exam day anyway is never pulled
/// forward. New cards stop when there is no longer time for one spaced review after learning
/// (<see cref="ConsolidationDays"/>).
/// </summary>
public sealed class ReviewPlanner
{
    private readonly FsrsScheduler _scheduler;
    private readonly EasyDays _easyDays;

    /// <summary>A planner for one learner.</summary>
    public ReviewPlanner(FsrsScheduler scheduler, ExamGoal? exam = null, EasyDays? easyDays = null)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        _scheduler = scheduler;
        Exam = exam?.Validated();
        _easyDays = easyDays ?? EasyDays.AllNormal;
        var target = Exam?.Target ?? scheduler.Model.DesiredRetention;
        var firstGood = new Fsrs(scheduler.Model.Parameters, target, scheduler.Model.MaximumInterval, scheduler.Model.ShortTerm)
            .Interval(scheduler.Model.Next(null, 0, Grade.Good).Stability);
        ConsolidationDays = firstGood + 1;
    }

    /// <summary>The scheduler the planner plans for.</summary>
    public FsrsScheduler Scheduler => _scheduler;

    /// <summary>The exam, if the learner has set one.</summary>
    public ExamGoal? Exam { get; }

    /// <summary>
    /// Days a new card needs before the exam: learned today, then one review after its first Good interval (at the
    /// exam-day target), which must still come before exam day.
    /// </summary>
    public int ConsolidationDays { get; }

    /// <summary>Whether new cards may still be introduced on <paramref name="today"/>.</summary>
    public bool IntroducesNewCards(int today) => Exam is not { } exam || today >= exam.ExamDay || exam.ExamDay - today >= ConsolidationDays;

    /// <summary>The card's recall probability on exam day if it is not reviewed again (<c>null</c> without an exam).</summary>
    public double? RetrievabilityOnExamDay(in Card card)
    {
        if (Exam is not { } exam || card.State == CardState.New)
        {
            return null;
        }

        return _scheduler.Model.Retrievability(Math.Max(0, exam.ExamDay - card.LastReviewDay), card.Stability);
    }

    /// <summary>The days the card may fall due on, and the day FSRS (and the exam rule) would pick.</summary>
    public (int Earliest, int Latest, int Preferred) Window(in ReviewOutcome outcome)
    {
        var card = outcome.Card;
        if (card.State != CardState.Review || card.ScheduledDays == 0)
        {
            return (card.DueDay, card.DueDay, card.DueDay);
        }

        var today = card.LastReviewDay;
        var earliest = Math.Min(outcome.EarliestDay, card.DueDay);
        var latest = Math.Max(outcome.LatestDay, card.DueDay);
        if (Exam is not { } exam || exam.ExamDay <= today || latest < exam.ExamDay)
        {
            return (earliest, latest, card.DueDay);
        }

        if (_scheduler.Model.Retrievability(exam.ExamDay - today, card.Stability) >= exam.Target)
        {
            return (earliest, latest, card.DueDay); // remembered on exam day anyway: not pulled forward
        }

        // Review again while the card is still at the target, and before the exam.
        var stillAtTarget = today + Math.Max(1, (int)Math.Floor(_scheduler.Model.DaysUntil(exam.Target, card.Stability)));
        var due = Math.Max(today + 1, Math.Min(exam.ExamDay - 1, stillAtTarget));
        var (min, _) = _scheduler.FuzzRange(due - today, card.ElapsedDays);
        return (Math.Max(today + 1, Math.Min(due, today + min)), due, due);
    }

    /// <summary>
    /// The card with its due day chosen: inside <see cref="Window"/>, the day whose planned load, relative to the
    /// weekday's capacity, is lightest (ties go to the day closest to FSRS's choice).
    /// </summary>
    /// <param name="outcome">The review's outcome.</param>
    /// <param name="plannedLoad">Reviews already planned on a day.</param>
    public Card Plan(in ReviewOutcome outcome, Func<int, int> plannedLoad)
    {
        ArgumentNullException.ThrowIfNull(plannedLoad);
        var (earliest, latest, preferred) = Window(outcome);
        var card = outcome.Card;
        if (earliest == latest && preferred == card.DueDay)
        {
            return card;
        }

        var best = preferred;
        var bestScore = double.PositiveInfinity;
        for (var day = earliest; day <= latest; day++)
        {
            var capacity = _easyDays.Capacity(day);
            if (capacity <= 0)
            {
                continue;
            }

            var score = (plannedLoad(day) + 1) / capacity;
            if (score < bestScore || (score == bestScore && Math.Abs(day - preferred) < Math.Abs(best - preferred)))
            {
                best = day;
                bestScore = score;
            }
        }

        return card with
        {
            DueDay = best,
            ScheduledDays = best - card.LastReviewDay,
            Due = _scheduler.Calendar.StartOf(best),
        };
    }
}

namespace CertPrep.Domain.Scheduling;

/// <summary>Reviews planned on one day.</summary>
/// <param name="Day">The learner's day.</param>
/// <param name="Reviews">Reviews expected that day.</param>
public readonly record struct ForecastDay(int Day, int Reviews);

/// <summary>
/// What the learner's schedule looks like from today: reviews per day until the exam (or for 60 days), assuming each
/// planned review is answered Good and planned by the same rules, and the predicted share of cards remembered on exam
/// day (the mean recall probability on that day).
/// </summary>
/// <param name="Days">Reviews per day, from today.</param>
/// <param name="ExamDayRecall">Mean predicted recall probability on exam day (<c>null</c> without an exam or cards).</param>
/// <param name="CardsAtTarget">Cards predicted at or above the exam-day target.</param>
/// <param name="Cards">Cards counted.</param>
public sealed record StudyForecast(IReadOnlyList<ForecastDay> Days, double? ExamDayRecall, int CardsAtTarget, int Cards)
{
    /// <summary>How far the forecast looks without an exam date.</summary>
    public const int DefaultHorizonDays = 60;

    /// <summary>Forecasts the learner's cards from <paramref name="today"/>.</summary>
    public static StudyForecast Compute(IEnumerable<Card> cards, ReviewPlanner planner, int today)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(planner);
        var exam = planner.Exam is { } goal && goal.ExamDay > today ? goal : null;
        var horizon = exam is null ? DefaultHorizonDays : Math.Max(1, exam.ExamDay - today);
        var load = new int[horizon];
        var scheduler = planner.Scheduler;
        double recall = 0;
        int atTarget = 0, counted = 0;
        foreach (var start in cards)
        {
            if (start.State == CardState.New)
            {
                continue;
            }

            counted++;
            var card = start;
            var guard = 0;
            while (card.DueDay < today + horizon && guard++ < 200)
            {
                var day = Math.Max(card.DueDay, today);
                load[day - today]++;
                var at = card.State == CardState.Review ? scheduler.Calendar.StartOf(day).AddHours(8) : card.Due;
                var outcome = scheduler.Review(card, Grade.Good, at < card.Due ? card.Due : at, (ulong)counted);
                card = planner.Plan(outcome, d => d - today is var i && i >= 0 && i < horizon ? load[i] : 0);
            }

            if (exam is not null)
            {
                var r = scheduler.Model.Retrievability(Math.Max(0, exam.ExamDay - card.LastReviewDay), card.Stability);
                recall += r;
                atTarget += r >= exam.Target ? 1 : 0;
            }
        }

        var days = load.Select((n, i) => new ForecastDay(today + i, n)).ToList();
        return new StudyForecast(days, exam is null || counted == 0 ? null : recall / counted, atTarget, counted);
    }
}

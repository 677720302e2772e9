using CertPrep.Domain.Scheduling;

namespace CertPrep.MemorySimulator;

/// <summary>What a run of many simulated learners gave.</summary>
/// <param name="Policy">How reviews were planned.</param>
/// <param name="DesiredRetention">The scheduler's desired retention.</param>
/// <param name="Cards">Cards over all learners.</param>
/// <param name="CardsAtTarget">Cards whose true recall probability on exam day was at or above the target.</param>
/// <param name="Reviews">Reviews done over the whole run (learning steps included).</param>
/// <param name="PeakDay">Most reviews of one learner on one day (averaged over learners).</param>
internal sealed record RunResult(string Policy, double DesiredRetention, int Cards, int CardsAtTarget, long Reviews, double PeakDay)
{
    public double Share => (double)CardsAtTarget / Cards;
}

/// <summary>The set-up shared by every policy: the same learners, cards, days and random numbers.</summary>
internal sealed record SimulationSetup(int Learners, int CardsPerLearner, int Days, int NewPerDay, double Target, int Seed);

/// <summary>
/// Simulated learners study for <see cref="SimulationSetup.Days"/> days to an exam. Each learner's memory follows FSRS
/// with known weights (the defaults, perturbed per learner, which the scheduler is told): a review succeeds with the
/// true recall probability at that moment; a success is graded Good (10% Hard, 5% Easy), a failure Again. New cards
/// arrive up to a daily limit while the policy allows. On exam day the true recall probability of every card is
/// compared with the target.
/// </summary>
internal static class Simulation
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static RunResult Run(SimulationSetup setup, double retention, bool examAware)
    {
        long reviews = 0;
        int cards = 0, atTarget = 0;
        double peaks = 0;
        for (var learner = 0; learner < setup.Learners; learner++)
        {
            var result = RunLearner(setup, retention, examAware, learner);
            reviews += result.Reviews;
            cards += result.Cards;
            atTarget += result.AtTarget;
            peaks += result.Peak;
        }

        var policy = examAware ? "Exam-aware" : "Plain FSRS";
        return new RunResult(policy, retention, cards, atTarget, reviews, peaks / setup.Learners);
    }

    private static (long Reviews, int Cards, int AtTarget, int Peak) RunLearner(SimulationSetup setup, double retention, bool examAware, int learner)
    {
        var random = new Random(unchecked((setup.Seed * 1_000_003) + learner));
        var weights = FsrsParameters.Default.Weights.Select((w, i) => i is 4 or 7 or 20 ? w : w * (0.85 + (0.3 * random.NextDouble()))).ToArray();
        var settings = SchedulerSettings.Default with
        {
            Parameters = FsrsParameters.From(weights),
            DesiredRetention = retention,
            Calendar = StudyCalendar.Utc,
        };
        var scheduler = new FsrsScheduler(settings);
        var firstDay = scheduler.Calendar.DayOf(Epoch);
        var examDay = firstDay + setup.Days;
        var planner = new ReviewPlanner(scheduler, examAware ? new ExamGoal(examDay, setup.Target) : null);
        var load = new Dictionary<int, int>();
        var deck = new List<Card>(setup.CardsPerLearner);
        var outcomes = new Random(unchecked((setup.Seed * 1_000_033) + (learner * 7) + 1)); // the same answers under every policy
        long reviews = 0;
        var introduced = 0;
        var peak = 0;

        for (var day = firstDay; day < examDay; day++)
        {
            var dayStart = scheduler.Calendar.StartOf(day).AddHours(18);
            if (planner.IntroducesNewCards(day))
            {
                for (var n = 0; n < setup.NewPerDay && introduced < setup.CardsPerLearner; n++, introduced++)
                {
                    deck.Add(Card.New(dayStart, scheduler.Calendar));
                }
            }

            var today = 0;
            for (var i = 0; i < deck.Count; i++)
            {
                // Review the card as often as it falls due today (learning steps are minutes apart).
                var card = deck[i];
                var now = dayStart.AddMinutes(i * 0.1);
                while (card.DueDay <= day)
                {
                    if (card.Due > now)
                    {
                        now = card.Due;
                    }

                    var recall = card.State == CardState.New ? 0.0 : TrueRecall(scheduler, card, now);
                    var grade = outcomes.NextDouble() < recall
                        ? outcomes.NextDouble() switch { < 0.10 => Grade.Hard, < 0.15 => Grade.Easy, _ => Grade.Good }
                        : (card.State == CardState.New ? Grade.Good : Grade.Again);
                    var outcome = scheduler.Review(card, grade, now, (ulong)((learner * 100_000) + i));
                    card = planner.Plan(outcome, d => load.GetValueOrDefault(d));
                    if (card.State == CardState.Review)
                    {
                        load[card.DueDay] = load.GetValueOrDefault(card.DueDay) + 1;
                    }

                    reviews++;
                    today++;
                }

                deck[i] = card;
            }

            peak = Math.Max(peak, today);
        }

        var examTime = scheduler.Calendar.StartOf(examDay).AddHours(9);
        var atTarget = deck.Count(c => TrueRecall(scheduler, c, examTime) >= setup.Target);
        return (reviews, deck.Count, atTarget, peak);
    }

    /// <summary>The true recall probability at an instant (fractional days since the last review).</summary>
    private static double TrueRecall(FsrsScheduler scheduler, Card card, DateTimeOffset at)
    {
        var days = Math.Max(0, (at - card.LastReview!.Value).TotalDays);
        return scheduler.Model.Retrievability(days, card.Stability);
    }
}

using BenchmarkDotNet.Attributes;
using CertPrep.Domain.Scheduling;

namespace CertPrep.DomainBenchmarks;

/// <summary>
/// One card update = one <see cref="FsrsScheduler.Review"/> of a graduated card (memory update, the intervals of the
/// grades kept in order, fuzz), or one <see cref="Fsrs.Next"/> (the memory model alone). Each invocation updates
/// <see cref="Cards"/> cards, so the reported time per operation is per card update.
/// </summary>
[MemoryDiagnoser]
public class SchedulerStepBenchmarks
{
    private const int Cards = 4096;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 18, 0, 0, TimeSpan.Zero);
    private readonly Card[] _cards = new Card[Cards];
    private readonly Grade[] _grades = new Grade[Cards];
    private readonly DateTimeOffset[] _times = new DateTimeOffset[Cards];
    private readonly int[] _elapsed = new int[Cards];
    private FsrsScheduler _scheduler = null!;
    private ReviewPlanner _planner = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scheduler = new FsrsScheduler(SchedulerSettings.Default with { Calendar = StudyCalendar.Utc });
        _planner = new ReviewPlanner(_scheduler, new ExamGoal(_scheduler.Calendar.DayOf(Start) + 400));
        var random = new Random(42);
        var today = _scheduler.Calendar.DayOf(Start);
        for (var i = 0; i < Cards; i++)
        {
            var stability = 0.5 + (random.NextDouble() * 120);
            var elapsed = 1 + random.Next((int)Math.Ceiling(stability * 1.5));
            _cards[i] = new Card(CardState.Review, new MemoryState(stability, 1 + (random.NextDouble() * 9)), 0, 5, 0, Start, today, 0, elapsed, Start, today + elapsed);
            _times[i] = Start.AddDays(elapsed).AddMinutes(random.Next(600));
            _elapsed[i] = elapsed;
            _grades[i] = random.NextDouble() switch { < 0.1 => Grade.Again, < 0.2 => Grade.Hard, < 0.95 => Grade.Good, _ => Grade.Easy };
        }
    }

    [Benchmark(OperationsPerInvoke = Cards)]
    public int SchedulerReview()
    {
        var sum = 0;
        for (var i = 0; i < Cards; i++)
        {
            sum += _scheduler.Review(_cards[i], _grades[i], _times[i], (ulong)i).Card.DueDay;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Cards)]
    public int SchedulerReviewAndExamAwarePlan()
    {
        var sum = 0;
        for (var i = 0; i < Cards; i++)
        {
            sum += _planner.Plan(_scheduler.Review(_cards[i], _grades[i], _times[i], (ulong)i), static _ => 0).DueDay;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Cards)]
    public double MemoryModelOnly()
    {
        var sum = 0.0;
        var model = _scheduler.Model;
        for (var i = 0; i < Cards; i++)
        {
            sum += model.Next(_cards[i].Memory, _elapsed[i], _grades[i]).Stability;
        }

        return sum;
    }
}

using BenchmarkDotNet.Attributes;
using CertPrep.Domain.Planning;

namespace CertPrep.DomainBenchmarks;

/// <summary>
/// One learner's study plan: eight domains and modules, reviews every day, five study days with an easy Wednesday.
/// Six months at 25 hours a week; six months at 10 hours a week, where the 210-minute full mock exam takes time from the
/// rest of its week; and three weeks at 5 hours a week, which does not fit, so the plan carries its choices, each found
/// by planning again (the later exam date by a binary search over up to three years: the worst case).
/// </summary>
[MemoryDiagnoser]
[MaxColumn]
public class PlanningBenchmarks
{
    private PlanRequest _request = null!;
    private PlanRequest _fitting = null!;
    private PlanRequest _tooShort = null!;

    [GlobalSetup]
    public void Setup()
    {
        var today = new DateOnly(2026, 3, 2);
        var domains = Enumerable.Range(1, 8).Select(i => new PlanDomain($"d{i}", $"Domain {i}", 0.125, 0.4 + (i * 0.05))).ToList();
        var modules = Enumerable.Range(1, 8).Select(i => new PlanModule($"m{i}", $"Module {i}", $"d{i}", 25 + (i * 3), i % 3 == 0 ? [$"m{i - 1}"] : [], false)).ToList();
        var reviews = Enumerable.Range(0, 200).ToDictionary(i => today.AddDays(i), i => 10 + (i % 20));
        _request = new PlanRequest(today, today.AddDays(182), 600, new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Saturday }, d => d.DayOfWeek == DayOfWeek.Wednesday ? 0.5 : 1, modules, domains, 1.4, reviews, (210, 105));
        _fitting = _request with { WeeklyMinutes = 1500 };
        _tooShort = _request with { ExamDate = today.AddDays(21), WeeklyMinutes = 300 };
        if (!StudyPlanner.Plan(_fitting).Fits || !StudyPlanner.Plan(_request).Fits || StudyPlanner.Plan(_tooShort) is not { Fits: false, Options.Count: > 2 })
        {
            throw new InvalidOperationException("The planning benchmarks' cases no longer measure what their names say.");
        }
    }

    [Benchmark]
    public StudyPlan SixMonthPlanThatFits() => StudyPlanner.Plan(_fitting);

    [Benchmark]
    public StudyPlan SixMonthPlanWithALongMock() => StudyPlanner.Plan(_request);

    [Benchmark]
    public StudyPlan ThreeWeeksThatDoNotFit() => StudyPlanner.Plan(_tooShort);
}

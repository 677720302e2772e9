using BenchmarkDotNet.Attributes;
using CertPrep.Domain.Planning;

namespace CertPrep.DomainBenchmarks;

/// <summary>
/// One learner's study plan: six months to the exam, eight domains and modules, reviews every day. With 10 hours a week
/// over five days the full mock exam (210 minutes) fits no day, so that plan does not fit and carries its choices, each
/// checked by planning again (the worst case); with 25 hours a week it fits.
/// </summary>
[MemoryDiagnoser]
[MaxColumn]
public class PlanningBenchmarks
{
    private PlanRequest _request = null!;
    private PlanRequest _fitting = null!;

    [GlobalSetup]
    public void Setup()
    {
        var today = new DateOnly(2026, 3, 2);
        var domains = Enumerable.Range(1, 8).Select(i => new PlanDomain($"d{i}", $"Domain {i}", 0.125, 0.4 + (i * 0.05))).ToList();
        var modules = Enumerable.Range(1, 8).Select(i => new PlanModule($"m{i}", $"Module {i}", $"d{i}", 25 + (i * 3), i % 3 == 0 ? [$"m{i - 1}"] : [], false)).ToList();
        var reviews = Enumerable.Range(0, 200).ToDictionary(i => today.AddDays(i), i => 10 + (i % 20));
        _request = new PlanRequest(today, today.AddDays(182), 600, new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Saturday }, d => d.DayOfWeek == DayOfWeek.Wednesday ? 0.5 : 1, modules, domains, 1.4, reviews, (210, 105));
        _fitting = _request with { WeeklyMinutes = 1500 };
    }

    [Benchmark]
    public StudyPlan SixMonthPlanThatFits() => StudyPlanner.Plan(_fitting);

    [Benchmark]
    public StudyPlan SixMonthPlanThatDoesNotFit() => StudyPlanner.Plan(_request);
}

using BenchmarkDotNet.Attributes;
using CertPrep.Domain.Adaptive;

namespace CertPrep.DomainBenchmarks;

/// <summary>Next-item selection over a 5,000-item pool, and one ability update (the work done inside an answer request).</summary>
[MemoryDiagnoser]
[MaxColumn]
public class AdaptiveBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly Random _random = new(42);
    private List<PoolItem> _pool = null!;
    private LearnerAbilities _learner = null!;
    private SelectionRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["strategy"] = 0.22, ["sop"] = 0.10, ["demand"] = 0.09, ["supply"] = 0.16, ["schedules"] = 0.12, ["inventory"] = 0.14, ["distribution"] = 0.03, ["quality"] = 0.14,
        };
        var random = new Random(7);
        _pool = [.. weights.Keys.SelectMany(d => Enumerable.Range(0, 625).Select(i =>
            new PoolItem($"{d}-{i:D3}", d, new ItemParameters(0.8 + random.NextDouble(), (random.NextDouble() * 4) - 2, 0.25))))];
        _learner = LearnerAbilities.New();
        foreach (var item in _pool.Take(200))
        {
            _learner = _learner.Update(item.Domain, item.Parameters, random.NextDouble() < 0.7, Now);
        }

        _request = new SelectionRequest(weights, weights.Keys.ToDictionary(d => d, _ => 3, StringComparer.Ordinal), _pool.Take(150).Select(i => i.Id).ToHashSet());
    }

    [Benchmark]
    public Selection? NextPracticeItemFrom5000() => NextItemSelector.ForPractice(_learner, _pool, _request, Now, _random);

    [Benchmark]
    public Selection? NextDiagnosticItemFrom5000() => NextItemSelector.ForDiagnostic(_learner, _pool, _request, Now, _random);

    [Benchmark]
    public LearnerAbilities AbilityUpdate() => _learner.Update("inventory", _pool[42].Parameters, correct: true, Now);
}

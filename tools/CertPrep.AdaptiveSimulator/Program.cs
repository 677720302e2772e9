using System.Diagnostics;
using System.Globalization;
using CertPrep.Domain.Adaptive;

// Usage: dotnet run -c Release --project tools/CertPrep.AdaptiveSimulator [-- learners=300]
// Simulated learners with known per-domain abilities answer items with known 3PL parameters, on a CPIM-shaped
// blueprint (8 domains). Prints (a) items needed to bring every domain's SE under 0.30, adaptive vs random;
// (b) bias and RMSE of the estimates there; (c) calibration of the pass probability against simulated exams;
// (d) recovery of item parameters as the number of learners grows, and the time to calibrate 1,000,000 responses.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var settings = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
var learners = settings.GetValueOrDefault("learners", 300);
var clock = Stopwatch.StartNew();
var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
var weights = new Dictionary<string, double>(StringComparer.Ordinal)
{
    ["strategy"] = 0.22, ["sop"] = 0.10, ["demand"] = 0.09, ["supply"] = 0.16, ["schedules"] = 0.12, ["inventory"] = 0.14, ["distribution"] = 0.03, ["quality"] = 0.14,
};
var random = new Random(20261130);
var pool = weights.Keys.SelectMany(d => Enumerable.Range(0, 400).Select(i =>
    new PoolItem($"{d}-{i:D3}", d, new ItemParameters(0.9 + (random.NextDouble() * 1.1), Normal(random), i % 5 == 0 ? 0 : 0.25)))).ToList();
var byDomain = pool.GroupBy(i => i.Domain).ToDictionary(g => g.Key, g => (IReadOnlyList<PoolItem>)g.ToList(), StringComparer.Ordinal);

Console.WriteLine($"### Adaptive simulation: {learners} learners, 8 domains (CPIM v7.0 weights), 3,200 items (a 0.9-2.0, b ~ N(0,1), c 0.25 for 80%)");
Console.WriteLine();

// (a) and (b)
var adaptive = new List<int>();
var randomOrder = new List<int>();
var errors = new List<double>();
var people = Enumerable.Range(0, learners).Select(_ => Person(random)).ToList();
foreach (var person in people)
{
    adaptive.Add(ItemsToPrecision(person, adaptiveOrder: true, errors));
    randomOrder.Add(ItemsToPrecision(person, adaptiveOrder: false, null));
}

var medianAdaptive = Median(adaptive);
var medianRandom = Median(randomOrder);
Console.WriteLine("(a) Items until every domain's SE < 0.30 (cap 1,500)");
Console.WriteLine();
Console.WriteLine("| Selection | Median items | Mean items | 90th percentile |");
Console.WriteLine("| --- | ---: | ---: | ---: |");
Console.WriteLine($"| Adaptive (least certain domain, most informative item) | {medianAdaptive} | {adaptive.Average():0} | {Percentile(adaptive, 0.9)} |");
Console.WriteLine($"| Random order | {medianRandom} | {randomOrder.Average():0} | {Percentile(randomOrder, 0.9)} |");
Console.WriteLine($"| **Ratio** | **{(double)medianAdaptive / medianRandom:0.00}** (target <= 0.50) | | |");
Console.WriteLine();
var bias = errors.Average();
var rmse = Math.Sqrt(errors.Average(e => e * e));
Console.WriteLine($"(b) At SE 0.30 (adaptive, {errors.Count} learner-domains): bias **{bias:+0.000;-0.000}** (target |bias| <= 0.05), RMSE **{rmse:0.000}** (target <= 0.32).");
Console.WriteLine();

// (c) pass probability after 60 adaptive practice items, against a simulated 130-item exam at a 65% cut
var outcomes = new List<(double P, bool Passed)>();
foreach (var person in people.Concat(Enumerable.Range(0, learners * 2).Select(_ => Person(random))))
{
    var abilities = Practise(person, 80);
    var mastery = weights.Keys.ToDictionary(d => d, d => Mastery.Of(abilities.Domain(d, now), byDomain[d]), StringComparer.Ordinal);
    var readiness = Readiness.Compute(mastery, weights, cutShare: 0.65, mockExams: 1, examItems: 130);
    var correct = 0;
    foreach (var (domain, weight) in weights)
    {
        var count = (int)Math.Round(weight * 130);
        for (var i = 0; i < count; i++)
        {
            var item = byDomain[domain][random.Next(byDomain[domain].Count)];
            correct += random.NextDouble() < item.Parameters.Probability(person[domain]) ? 1 : 0;
        }
    }

    outcomes.Add((readiness.PassProbability, correct >= 0.65 * weights.Values.Sum(w => Math.Round(w * 130))));
}

var brier = outcomes.Average(o => Math.Pow(o.P - (o.Passed ? 1 : 0), 2));
Console.WriteLine($"(c) Pass probability after 80 adaptive practice items vs a simulated 130-item exam (cut 65%), {outcomes.Count} learners: Brier score **{brier:0.000}** (target <= 0.15).");
Console.WriteLine();
Console.WriteLine("| Predicted pass probability | Learners | Mean predicted | Observed pass rate |");
Console.WriteLine("| --- | ---: | ---: | ---: |");
foreach (var bin in outcomes.GroupBy(o => Math.Min(9, (int)(o.P * 10))).OrderBy(g => g.Key))
{
    Console.WriteLine($"| {bin.Key / 10.0:0.0}-{(bin.Key + 1) / 10.0:0.0} | {bin.Count()} | {bin.Average(o => o.P):0.00} | {bin.Average(o => o.Passed ? 1.0 : 0.0):0.00} |");
}

Console.WriteLine();

// (d) item parameter recovery
Console.WriteLine("(d) Item recovery: 200 items, each learner answers 40 random items (true abilities as the criterion)");
Console.WriteLine();
Console.WriteLine("| Learners | Responses per item | RMSE a | RMSE b | RMSE of P(correct) at θ = -1, 0, 1 |");
Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
var items = Enumerable.Range(0, 200).Select(i => new ItemParameters(0.8 + (random.NextDouble() * 1.2), Normal(random), i % 5 == 0 ? 0 : 0.25)).ToList();
foreach (var n in new[] { 50, 250, 1000, 5000 })
{
    var responses = items.Select(_ => new List<(double, bool)>()).ToList();
    for (var l = 0; l < n; l++)
    {
        var theta = Normal(random);
        for (var k = 0; k < 40; k++)
        {
            var index = random.Next(items.Count);
            responses[index].Add((theta, random.NextDouble() < items[index].Probability(theta)));
        }
    }

    var fitted = items.Select((truth, i) => ItemCalibrator.Calibrate(new ItemParameters(1, 0, truth.C), responses[i])).ToList();
    var rmseA = Math.Sqrt(items.Select((t, i) => Math.Pow(fitted[i].A - t.A, 2)).Average());
    var rmseB = Math.Sqrt(items.Select((t, i) => Math.Pow(fitted[i].B - t.B, 2)).Average());
    var rmseP = Math.Sqrt(items.SelectMany((t, i) => new[] { -1.0, 0, 1 }.Select(th => Math.Pow(fitted[i].Probability(th) - t.Probability(th), 2))).Average());
    Console.WriteLine($"| {n:N0} | {n * 40 / items.Count:N0} | {rmseA:0.000} | {rmseB:0.000} | {rmseP:0.000} |");
}

Console.WriteLine();
var million = Enumerable.Range(0, 2000).Select(_ => new List<(double, bool)>()).ToList();
var bank = Enumerable.Range(0, 2000).Select(_ => new ItemParameters(0.8 + random.NextDouble(), Normal(random), 0.25)).ToList();
for (var r = 0; r < 1_000_000; r++)
{
    var index = random.Next(bank.Count);
    var theta = Normal(random);
    million[index].Add((theta, random.NextDouble() < bank[index].Probability(theta)));
}

var calibration = Stopwatch.StartNew();
var results = new ItemParameters[bank.Count];
Parallel.For(0, bank.Count, i => results[i] = ItemCalibrator.Calibrate(new ItemParameters(1, 0, 0.25), million[i]));
calibration.Stop();
Console.WriteLine($"Calibrating 1,000,000 responses over 2,000 items (MAP, both cores): {calibration.Elapsed.TotalSeconds:0.00} s (the estimation step of the nightly job, without the database).");
Console.WriteLine();

// Per-call timing of the request-path work: next-item selection over a 5,000-item pool and one ability update.
var bigPool = weights.Keys.SelectMany(d => Enumerable.Range(0, 625).Select(i =>
    new PoolItem($"{d}-{i:D3}", d, new ItemParameters(0.8 + random.NextDouble(), Normal(random), 0.25)))).ToList();
var timedLearner = LearnerAbilities.New();
foreach (var item in bigPool.Take(200))
{
    timedLearner = timedLearner.Update(item.Domain, item.Parameters, random.NextDouble() < 0.7, now);
}

var timedRequest = new SelectionRequest(weights, weights.Keys.ToDictionary(d => d, _ => 3, StringComparer.Ordinal), bigPool.Take(150).Select(i => i.Id).ToHashSet());
var selectTimes = new List<double>();
var updateTimes = new List<double>();
for (var i = 0; i < 12_000; i++)
{
    var watch = Stopwatch.StartNew();
    var chosen = NextItemSelector.ForPractice(timedLearner, bigPool, timedRequest, now, random)!;
    watch.Stop();
    var update = Stopwatch.StartNew();
    _ = timedLearner.Update(chosen.Item.Domain, chosen.Item.Parameters, i % 3 != 0, now);
    update.Stop();
    if (i >= 2_000)
    {
        selectTimes.Add(watch.Elapsed.TotalMicroseconds);
        updateTimes.Add(update.Elapsed.TotalMicroseconds);
    }
}

selectTimes.Sort();
updateTimes.Sort();
double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
Console.WriteLine($"Request path, 10,000 timed calls after 2,000 warm-up: next practice item from 5,000: p50 {P(selectTimes, 0.5):0} us, **p99 {P(selectTimes, 0.99):0} us** (target < 1,000 us), max {selectTimes[^1]:0} us; ability update: p50 {P(updateTimes, 0.5):0.0} us, **p99 {P(updateTimes, 0.99):0.0} us** (target < 50 us).");
Console.WriteLine();
Console.WriteLine($"Took {clock.Elapsed.TotalSeconds:0} s; seed 20261130.");

int ItemsToPrecision(Dictionary<string, double> person, bool adaptiveOrder, List<double>? errorsAtStop)
{
    var learner = LearnerAbilities.New();
    var given = new HashSet<string>();
    var counts = weights.Keys.ToDictionary(d => d, _ => 0, StringComparer.Ordinal);
    var n = 0;
    while (n < 1500 && weights.Keys.Any(d => learner.Domain(d, now).Sd >= 0.30))
    {
        PoolItem item;
        if (adaptiveOrder)
        {
            var request = new SelectionRequest(weights, counts, given, Randomesque: 1);
            item = NextItemSelector.ForDiagnostic(learner, pool, request, now, random)!.Item;
        }
        else
        {
            do
            {
                item = pool[random.Next(pool.Count)];
            }
            while (given.Contains(item.Id));
        }

        given.Add(item.Id);
        counts[item.Domain]++;
        var correct = random.NextDouble() < item.Parameters.Probability(person[item.Domain]);
        learner = learner.Update(item.Domain, item.Parameters, correct, now);
        n++;
    }

    if (errorsAtStop is not null)
    {
        errorsAtStop.AddRange(weights.Keys.Select(d => learner.Domain(d, now).Mean - person[d]));
    }

    return n;
}

LearnerAbilities Practise(Dictionary<string, double> person, int count)
{
    var learner = LearnerAbilities.New();
    var given = new HashSet<string>();
    var counts = weights.Keys.ToDictionary(d => d, _ => 0, StringComparer.Ordinal);
    for (var i = 0; i < count; i++)
    {
        var request = new SelectionRequest(weights, counts, given);
        var item = NextItemSelector.ForPractice(learner, pool, request, now, random)!.Item;
        given.Add(item.Id);
        counts[item.Domain]++;
        learner = learner.Update(item.Domain, item.Parameters, random.NextDouble() < item.Parameters.Probability(person[item.Domain]), now);
    }

    return learner;
}

Dictionary<string, double> Person(Random r)
{
    var overall = Normal(r);
    return weights.Keys.ToDictionary(d => d, _ => overall + (0.6 * Normal(r)), StringComparer.Ordinal);
}

static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

static int Median(List<int> values) => Percentile(values, 0.5);

static int Percentile(List<int> values, double q)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
}

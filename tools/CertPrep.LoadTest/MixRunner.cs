using System.Diagnostics;
using System.Globalization;

namespace CertPrep.LoadTest;

/// <summary>
/// The <c>mix</c> verb: set up every learner (not measured), a warm-up of the mix (not recorded), the measured period
/// with the site processes' memory sampled throughout, then the report.
/// </summary>
internal static class MixRunner
{
    private const int SetupParallelism = 8;

    public static async Task<int> RunAsync(MixSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var learners = Enumerable.Range(0, settings.Learners).Select(i => new MixLearner(i, settings, settings.Seed + i)).ToArray();
        try
        {
            var nodes = string.Join(", ", settings.Nodes.Select(n => n.GetLeftPart(UriPartial.Authority)));
            stdout.WriteLine(Invariant($"Setting up {settings.Learners} learners on {nodes} ({settings.Existing} sign in as generated accounts, the others register and enrol in '{settings.CredentialId}')..."));
            var run = Guid.NewGuid().ToString("N")[..8];
            string? Existing(MixLearner l) => l.Index < settings.Existing ? Invariant($"learner-{l.Index:D6}@example.org") : null;
            string Email(MixLearner l) => Invariant($"mix-{run}-{l.Index + 1}@example.org");
            var setup = Stopwatch.StartNew();
            try
            {
                // The first learner alone, so a site still importing its content is waited for once.
                await learners[0].SetUpAsync(Existing(learners[0]), Email(learners[0]), settings.ReadyTimeout);
                await Parallel.ForEachAsync(
                    learners.Skip(1),
                    new ParallelOptions { MaxDegreeOfParallelism = SetupParallelism },
                    async (learner, _) => await learner.SetUpAsync(Existing(learner), Email(learner), TimeSpan.Zero));
            }
            catch (SetupException ex)
            {
                stderr.WriteLine($"Set-up failed: {ex.Message}");
                return Cli.Failure;
            }

            setup.Stop();
            stdout.WriteLine(Invariant($"Set-up took {setup.Elapsed.TotalSeconds:0.0} s. Mix: {settings.Warmup.TotalSeconds:0} s warm-up, then {settings.Duration.TotalSeconds:0} s measured..."));
            await using var sampler = MemorySampler.Start(settings.Pids, settings.SampleEvery);
            if (settings.Warmup > TimeSpan.Zero)
            {
                await RunPhaseAsync(learners, settings.Warmup);
            }

            sampler.StartMeasured();
            var (stats, elapsed) = await RunPhaseAsync(learners, settings.Duration);
            var samples = await sampler.StopAsync();
            if (settings.SamplesFile is { } file)
            {
                await File.WriteAllLinesAsync(file, ["seconds,pid,rss_mib,vmhwm_mib", .. samples.Select(s => Invariant($"{s.Seconds:0.0},{s.Pid},{s.RssMiB:0.0},{s.PeakMiB:0.0}"))]);
            }

            var result = MixResult.Of(stats, elapsed, samples, settings.Duration);
            stdout.WriteLine();
            MixReport.Write(stdout, settings, setup.Elapsed, result);
            if (result.Errors > 0)
            {
                stderr.WriteLine(Invariant($"{result.Errors:N0} requests or actions failed (the target is none)."));
                return Cli.Failure;
            }

            return Cli.Success;
        }
        finally
        {
            foreach (var learner in learners)
            {
                learner.Dispose();
            }
        }
    }

    /// <summary>Every learner does actions until the deadline; a request that would start after it is not sent.</summary>
    private static async Task<(MixStats[] Stats, TimeSpan Elapsed)> RunPhaseAsync(MixLearner[] learners, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var stats = learners.Select(_ => new MixStats()).ToArray();
        await Task.WhenAll(learners.Select((learner, i) => Task.Run(async () =>
        {
            learner.Site.Stats = stats[i];
            learner.Site.Deadline = deadline;
            try
            {
                while (true)
                {
                    await learner.NextActionAsync();
                }
            }
            catch (PhaseOverException)
            {
                // time is up
            }
        })));
        clock.Stop();
        return (stats, clock.Elapsed);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The merged measurements of the measured period.</summary>
internal sealed record MixResult(IReadOnlyList<PhaseResult> Actions, IReadOnlyList<PhaseResult> Steps, PhaseResult Reference, IReadOnlyList<MemorySummary> Memory, TimeSpan Elapsed)
{
    public int Errors => Steps.Sum(s => s.Errors) + Reference.Errors;

    public static MixResult Of(IReadOnlyList<MixStats> stats, TimeSpan elapsed, IReadOnlyList<MemorySample> samples, TimeSpan duration)
    {
        var actionOrder = MixLearner.Actions.Select(a => a.Name).ToList();
        var actions = stats.SelectMany(s => s.Actions).GroupBy(a => a.Key)
            .OrderBy(g => actionOrder.IndexOf(g.Key))
            .Select(g => PhaseResult.Merge(g.Key, [.. g.Select(a => a.Value)], elapsed)).ToList();
        // Steps grouped by action, in the order a learner takes them.
        var steps = stats.SelectMany(s => s.Steps).GroupBy(a => a.Key)
            .Where(g => g.Key != MixLearner.ReferenceStep)
            .OrderBy(g => actionOrder.FindIndex(a => g.Key.StartsWith(a + ":", StringComparison.Ordinal)))
            .ThenBy(g => StepOrder(g.Key))
            .Select(g => PhaseResult.Merge(g.Key, [.. g.Select(a => a.Value)], elapsed)).ToList();
        var reference = PhaseResult.Merge(MixLearner.ReferenceStep, [.. stats.Select(s => s.Step(MixLearner.ReferenceStep))], elapsed);
        return new MixResult(actions, steps, reference, MemorySummary.Of(samples, duration), elapsed);
    }

    private static int StepOrder(string step)
    {
        string[] order = ["module page", "mark read", "glossary", "practice page", "exams page", "review page", "start", "question page", "show answer", "answer", "grade", "save answer", "feedback page", "finish", "summary page", "submit", "report"];
        var index = Array.FindIndex(order, o => step[(step.IndexOf(':', StringComparison.Ordinal) + 2)..].StartsWith(o, StringComparison.Ordinal));
        return index < 0 ? order.Length : index;
    }
}

/// <summary>The Markdown report of a mix run.</summary>
internal static class MixReport
{
    private const double MemoryTargetMiB = 300;

    public static void Write(TextWriter output, MixSettings settings, TimeSpan setup, MixResult result)
    {
        var c = CultureInfo.InvariantCulture;
        var nodes = settings.Nodes.Count;
        output.WriteLine(string.Create(c, $"### Learner mix: {settings.Learners} learners, {nodes} node{(nodes == 1 ? "" : "s")}"));
        output.WriteLine();
        output.WriteLine(string.Create(c,
            $"{string.Join(", ", settings.Nodes.Select(n => n.GetLeftPart(UriPartial.Authority)))}; {settings.Learners} learners ({settings.Existing} signed in as generated accounts) in a closed loop, " +
            $"think time {settings.Think.TotalMilliseconds:0} ms{(nodes > 1 ? ", every learner's requests alternating between the nodes" : "")}; " +
            $"weights {string.Join(", ", MixLearner.Actions.Select(a => $"{a.Name} {a.Weight}"))}; " +
            $"{settings.Warmup.TotalSeconds:0} s warm-up, {result.Elapsed.TotalSeconds:0} s measured; set-up {setup.TotalSeconds:0.0} s."));
        output.WriteLine();
        output.WriteLine("| Action | Done | Failed | Actions/s | p50 (ms) | p95 (ms) | p99 (ms) | Max (ms) |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in result.Actions)
        {
            output.WriteLine(string.Create(c, $"| {row.Operation} | {row.Successes:N0} | {row.Errors:N0} | {row.Throughput:0.0} | {Ms(row.Percentile(50))} | {Ms(row.Percentile(95))} | {Ms(row.Percentile(99))} | {Ms(row.Max)} |"));
        }

        output.WriteLine();
        output.WriteLine("An action's latency is the sum of its requests' latencies (think time excluded).");
        output.WriteLine();
        var reference = result.Reference;
        output.WriteLine("| Request | Requests | Errors | Req/s | p50 (ms) | p95 (ms) | p99 (ms) | Max (ms) | p50 / ref | p95 / ref |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in result.Steps.Append(reference))
        {
            output.WriteLine(string.Create(c,
                $"| {row.Operation} | {row.Requests:N0} | {row.Errors:N0} | {row.Throughput:0.0} | {Ms(row.Percentile(50))} | {Ms(row.Percentile(95))} | {Ms(row.Percentile(99))} | {Ms(row.Max)} | " +
                $"{Ratio(row.Percentile(50), reference.Percentile(50))} | {Ratio(row.Percentile(95), reference.Percentile(95))} |"));
        }

        var total = result.Steps.Sum(s => s.Successes) + reference.Successes;
        output.WriteLine();
        output.WriteLine(string.Create(c, $"All requests: {total:N0} successful, {total / result.Elapsed.TotalSeconds:0} req/s; errors: **{result.Errors:N0}**."));

        if (result.Memory.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("| Site process | Samples | VmRSS start (MiB) | VmRSS end (MiB) | VmRSS max sampled (MiB) | VmHWM peak (MiB) | Slope, second half (MiB/min) | Under 300 MiB |");
            output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            foreach (var m in result.Memory)
            {
                output.WriteLine(string.Create(c,
                    $"| pid {m.Pid} | {m.Samples} | {m.StartMiB:0.0} | {m.EndMiB:0.0} | {m.MaxRssMiB:0.0} | {m.PeakMiB:0.0} | {(double.IsNaN(m.SlopeMiBPerMinute) ? "–" : m.SlopeMiBPerMinute.ToString("+0.00;-0.00;0.00", c))} | {(m.PeakMiB < MemoryTargetMiB ? "yes" : "**no**")} |"));
            }
        }

        var errors = result.Steps.Append(reference).Where(r => r.Errors > 0).ToList();
        foreach (var row in errors)
        {
            output.WriteLine();
            output.WriteLine($"Errors of {row.Operation}: {string.Join("; ", row.ErrorKinds.OrderByDescending(k => k.Value).Select(k => string.Create(c, $"{k.Key} × {k.Value:N0}")))}");
        }
    }

    private static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    private static string Ratio(double value, double reference) =>
        double.IsNaN(value) || double.IsNaN(reference) || reference <= 0 ? "–" : (value / reference).ToString("0.0", CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace CertPrep.LoadTest;

/// <summary>The Markdown report: one row per operation, the ratio to the reference, and the target.</summary>
internal static class Report
{
    private const double TargetP99Ms = 30;
    private const double TargetAnswersPerSecond = 1000;
    private const int TargetLearners = 50;

    public static void Write(TextWriter output, RunSettings settings, IReadOnlyList<int> items, TimeSpan setup, PhaseResult answers, PhaseResult reference)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"### Answer saves, {settings.Learners} learners"));
        output.WriteLine();
        var mode = settings.Rate > 0
            ? string.Create(c, $"offering {settings.Rate:N0} answers/s together on a fixed schedule (open loop; latency from the scheduled send time), reference in a closed loop")
            : string.Create(c, $"in a closed loop (think time {settings.Think.TotalMilliseconds:0} ms)");
        output.WriteLine(string.Create(c,
            $"{settings.Server.GetLeftPart(UriPartial.Authority)}; {settings.Learners} learners {mode}, " +
            $"{settings.Warmup.TotalSeconds:0} s warm-up, {settings.Duration.TotalSeconds:0} s measured per operation; " +
            $"full mock exam of {string.Join(" or ", items)} questions each; set-up {setup.TotalSeconds:0.0} s; load generator saw {Environment.ProcessorCount} cores."));
        output.WriteLine();
        output.WriteLine("| Operation | Requests | Errors | Throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | Max (ms) |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in new[] { answers, reference })
        {
            output.WriteLine(string.Create(c,
                $"| {row.Operation} | {row.Requests:N0} | {row.Errors:N0} | {row.Throughput:N0} | {Ms(row.Percentile(50))} | {Ms(row.Percentile(95))} | {Ms(row.Percentile(99))} | {Ms(row.Max)} |"));
        }

        output.WriteLine();
        output.WriteLine("Throughput counts successful requests per second of the measured period; percentiles are over successful requests.");
        output.WriteLine();
        var ratio = reference.Throughput > 0 ? answers.Throughput / reference.Throughput : double.NaN;
        output.WriteLine(string.Create(c, $"Answer throughput / reference throughput: **{ratio:0.00}** ({answers.Throughput:N0} / {reference.Throughput:N0} req/s)."));
        output.WriteLine();

        var p99 = answers.Percentile(99);
        var p99Met = p99 < TargetP99Ms;
        var rateMet = answers.Throughput >= TargetAnswersPerSecond;
        var scope = settings.Learners == TargetLearners ? "" : string.Create(c, $" (the target is stated for {TargetLearners} learners; this run had {settings.Learners})");
        output.WriteLine(string.Create(c,
            $"Target{scope}: p99 < {TargetP99Ms:0} ms: {Ms(p99)} ms, **{(p99Met ? "met" : "not met")}**; " +
            $">= {TargetAnswersPerSecond:N0} answers/s: {answers.Throughput:N0}, **{(rateMet ? "met" : "not met")}**."));

        foreach (var row in new[] { answers, reference }.Where(r => r.Errors > 0))
        {
            output.WriteLine();
            var kinds = row.ErrorKinds.OrderByDescending(k => k.Value).Select(k => string.Create(c, $"{k.Key} × {k.Value:N0}"));
            output.WriteLine($"Errors of {row.Operation}: {string.Join("; ", kinds)}");
        }
    }

    private static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}

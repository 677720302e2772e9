using System.Diagnostics;
using System.Globalization;

namespace CertPrep.LoadTest;

/// <summary>
/// The <c>run</c> verb: set up every learner (not measured), then answer saves (warm-up, measured period), then the
/// reference endpoint with as many workers (warm-up, measured period), then the report.
/// </summary>
internal static class LoadRunner
{
    public const string AnswerOperation = "Save answer (`POST /Exams/{id}/Take?handler=Save`)";
    public const string ReferencePath = "/health/live";
    public const string ReferenceOperation = $"Reference (`GET {ReferencePath}`)";
    private const double MaxErrorRate = 0.01;
    private const int SetupParallelism = 16;

    public static async Task<int> RunAsync(RunSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var learners = Enumerable.Range(0, settings.Learners).Select(i => new Learner(i, settings.Server, settings.Seed + i)).ToArray();
        try
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Setting up {settings.Learners} learners on {settings.Server} (register, enrol in '{settings.CredentialId}', start a full mock exam)..."));
            var run = Guid.NewGuid().ToString("N")[..8];
            string Email(Learner learner) => string.Create(CultureInfo.InvariantCulture, $"load-{run}-{learner.Index + 1}@example.org");
            var setup = Stopwatch.StartNew();
            try
            {
                // The first learner alone, so a site still importing its content is waited for once, not 50 times.
                await learners[0].SetUpAsync(Email(learners[0]), settings.CredentialId, settings.ReadyTimeout, CancellationToken.None);
                await Parallel.ForEachAsync(
                    learners.Skip(1),
                    new ParallelOptions { MaxDegreeOfParallelism = SetupParallelism },
                    async (learner, ct) => await learner.SetUpAsync(Email(learner), settings.CredentialId, TimeSpan.Zero, ct));
            }
            catch (Exception ex) when (ex is SetupException or HttpRequestException or TaskCanceledException)
            {
                stderr.WriteLine($"Set-up failed: {ex.Message}");
                return Cli.Failure;
            }

            setup.Stop();
            var items = learners.Select(l => l.Items).Distinct().Order().ToList();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Set-up took {setup.Elapsed.TotalSeconds:0.0} s; exam forms have {string.Join(" or ", items)} questions."));

            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Saving answers: {settings.Warmup.TotalSeconds:0} s warm-up, then {settings.Duration.TotalSeconds:0} s measured..."));
            var answers = await MeasureAsync(AnswerOperation, settings, (i, stats, scheduled) => learners[i].SaveNextAsync(stats, scheduled), settings.Rate);

            var references = Enumerable.Range(0, settings.Learners).Select(_ => Http.Create(settings.Server, cookies: null)).ToArray();
            PhaseResult reference;
            try
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reference GET {ReferencePath}: {settings.Warmup.TotalSeconds:0} s warm-up, then {settings.Duration.TotalSeconds:0} s measured..."));
                reference = await MeasureAsync(ReferenceOperation, settings, (i, stats, _) => ProbeAsync(references[i], stats), rate: 0);
            }
            finally
            {
                foreach (var client in references)
                {
                    client.Dispose();
                }
            }

            stdout.WriteLine();
            Report.Write(stdout, settings, items, setup.Elapsed, answers, reference);
            var failed = new[] { answers, reference }.Where(r => r.ErrorRate > MaxErrorRate).ToList();
            foreach (var phase in failed)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase.Operation}: {phase.ErrorRate:P1} of requests failed (more than {MaxErrorRate:P0})."));
            }

            return failed.Count == 0 ? Cli.Success : Cli.Failure;
        }
        finally
        {
            foreach (var learner in learners)
            {
                learner.Dispose();
            }
        }
    }

    /// <summary>A warm-up (thrown away) and then the measured period; closed loop, or open loop at <paramref name="rate"/>.</summary>
    private static async Task<PhaseResult> MeasureAsync(string operation, RunSettings settings, Func<int, WorkerStats, long?, Task> request, int rate)
    {
        if (settings.Warmup > TimeSpan.Zero)
        {
            await RunPhaseAsync(operation, settings.Learners, settings.Warmup, settings.Think, rate, request);
        }

        return await RunPhaseAsync(operation, settings.Learners, settings.Duration, settings.Think, rate, request);
    }

    private static Task<PhaseResult> RunPhaseAsync(string operation, int workers, TimeSpan duration, TimeSpan think, int rate, Func<int, WorkerStats, long?, Task> request) =>
        rate > 0 ? RunScheduledPhaseAsync(operation, workers, duration, rate, request) : RunClosedPhaseAsync(operation, workers, duration, think, request);

    /// <summary>
    /// Open loop: worker i sends at start + i·(interval / workers) + k·interval, where interval = workers / rate, so
    /// the learners together offer <c>rate</c> requests per second evenly spread. A request that cannot start on
    /// time (the previous one is still running) starts late and its latency still counts from its scheduled time.
    /// </summary>
    private static async Task<PhaseResult> RunScheduledPhaseAsync(string operation, int workers, TimeSpan duration, int rate, Func<int, WorkerStats, long?, Task> request)
    {
        var stats = Enumerable.Range(0, workers).Select(_ => new WorkerStats()).ToArray();
        var clock = Stopwatch.StartNew();
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var interval = (double)workers / rate * Stopwatch.Frequency;
        var tasks = new Task[workers];
        for (var i = 0; i < workers; i++)
        {
            var worker = i;
            tasks[i] = Task.Run(async () =>
            {
                for (var k = 0L; ; k++)
                {
                    var scheduled = start + (long)((worker * interval / workers) + (k * interval));
                    if (scheduled >= deadline)
                    {
                        break;
                    }

                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), scheduled);
                    if (wait > TimeSpan.FromMilliseconds(1))
                    {
                        await Task.Delay(wait);
                    }

                    await request(worker, stats[worker], scheduled);
                }
            });
        }

        await Task.WhenAll(tasks);
        clock.Stop();
        return PhaseResult.Merge(operation, stats, clock.Elapsed);
    }

    private static async Task<PhaseResult> RunClosedPhaseAsync(string operation, int workers, TimeSpan duration, TimeSpan think, Func<int, WorkerStats, long?, Task> request)
    {
        var stats = Enumerable.Range(0, workers).Select(_ => new WorkerStats()).ToArray();
        var clock = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = new Task[workers];
        for (var i = 0; i < workers; i++)
        {
            var worker = i;
            tasks[i] = Task.Run(async () =>
            {
                // Requests in flight at the deadline are let finish and counted: the period ends with the slowest.
                while (Stopwatch.GetTimestamp() < deadline)
                {
                    await request(worker, stats[worker], null);
                    if (think > TimeSpan.Zero)
                    {
                        await Task.Delay(think);
                    }
                }
            });
        }

        await Task.WhenAll(tasks);
        clock.Stop();
        return PhaseResult.Merge(operation, stats, clock.Elapsed);
    }

    private static async Task ProbeAsync(HttpClient client, WorkerStats stats)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.GetAsync(ReferencePath, HttpCompletionOption.ResponseContentRead);
            _ = await response.Content.ReadAsByteArrayAsync();
            var ticks = Stopwatch.GetTimestamp() - started;
            if (response.IsSuccessStatusCode)
            {
                stats.Success(ticks);
            }
            else
            {
                stats.Error($"HTTP {(int)response.StatusCode}");
            }
        }
        catch (TaskCanceledException)
        {
            stats.Error($"no response within {Http.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            stats.Error($"connection: {ex.Message}");
        }
    }
}

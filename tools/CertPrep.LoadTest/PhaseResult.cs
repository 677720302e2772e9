using System.Diagnostics;

namespace CertPrep.LoadTest;

/// <summary>The merged measurements of one phase: every latency sample, sorted, and the errors.</summary>
internal sealed class PhaseResult
{
    private readonly long[] _sorted;

    private PhaseResult(string operation, long[] sorted, int errors, IReadOnlyDictionary<string, int> errorKinds, TimeSpan elapsed)
    {
        Operation = operation;
        _sorted = sorted;
        Errors = errors;
        ErrorKinds = errorKinds;
        Elapsed = elapsed;
    }

    public string Operation { get; }

    public int Successes => _sorted.Length;

    public int Errors { get; }

    public int Requests => Successes + Errors;

    public IReadOnlyDictionary<string, int> ErrorKinds { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Successful requests per second of wall-clock time.</summary>
    public double Throughput => Elapsed > TimeSpan.Zero ? Successes / Elapsed.TotalSeconds : 0;

    public double ErrorRate => Requests == 0 ? 1 : (double)Errors / Requests;

    public static PhaseResult Merge(string operation, IReadOnlyList<WorkerStats> workers, TimeSpan elapsed)
    {
        var sorted = workers.SelectMany(w => w.Latencies).ToArray();
        Array.Sort(sorted);
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (kind, count) in workers.SelectMany(w => w.ErrorKinds))
        {
            kinds[kind] = kinds.GetValueOrDefault(kind) + count;
        }

        return new PhaseResult(operation, sorted, workers.Sum(w => w.Errors), kinds, elapsed);
    }

    /// <summary>The nearest-rank percentile of successful requests' latency in milliseconds (NaN without samples).</summary>
    public double Percentile(double p)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * _sorted.Length);
        return Milliseconds(_sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)]);
    }

    public double Max => _sorted.Length == 0 ? double.NaN : Milliseconds(_sorted[^1]);

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

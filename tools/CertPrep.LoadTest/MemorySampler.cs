using System.Diagnostics;
using System.Globalization;

namespace CertPrep.LoadTest;

/// <summary>
/// Samples the site processes' resident memory (VmRSS) and its peak (VmHWM) from <c>/proc/&lt;pid&gt;/status</c> on a
/// fixed interval, in the background, from the warm-up to the end of the measured period.
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly IReadOnlyList<int> _pids;
    private readonly List<MemorySample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly long _started = Stopwatch.GetTimestamp();
    private double _measuredFrom;

    private MemorySampler(IReadOnlyList<int> pids, TimeSpan every)
    {
        _pids = pids;
        _loop = pids.Count == 0 ? Task.CompletedTask : LoopAsync(every);
    }

    public static MemorySampler Start(IReadOnlyList<int> pids, TimeSpan every) => new(pids, every);

    /// <summary>Sample times count from here: <see cref="StopAsync"/> gives the warm-up's samples negative times.</summary>
    public void StartMeasured()
    {
        lock (_samples)
        {
            _measuredFrom = Stopwatch.GetElapsedTime(_started).TotalSeconds;
            Sample();
        }
    }

    /// <summary>Stops sampling after one last sample and returns them all.</summary>
    public async Task<IReadOnlyList<MemorySample>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        lock (_samples)
        {
            Sample();
            return [.. _samples.Select(s => s with { Seconds = s.Seconds - _measuredFrom })];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync(TimeSpan every)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            do
            {
                lock (_samples)
                {
                    Sample();
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private void Sample()
    {
        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        foreach (var pid in _pids)
        {
            _samples.Add(Read(pid, seconds));
        }
    }

    private static MemorySample Read(int pid, double seconds)
    {
        double rss = double.NaN, hwm = double.NaN;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line) / 1024;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = Kilobytes(line) / 1024;
                }
            }
        }
        catch (IOException)
        {
            // the process is gone: NaN says so in the report
        }

        return new MemorySample(seconds, pid, rss, hwm);
    }

    private static double Kilobytes(string line) =>
        double.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture);
}

/// <summary>One sample: seconds since the measured period began, the process, VmRSS and VmHWM in MiB.</summary>
internal sealed record MemorySample(double Seconds, int Pid, double RssMiB, double PeakMiB);

/// <summary>One process's memory over the measured period.</summary>
internal sealed record MemorySummary(int Pid, int Samples, double StartMiB, double EndMiB, double MaxRssMiB, double PeakMiB, double SlopeMiBPerMinute)
{
    /// <summary>Summarises the measured period's samples (time 0 on); the slope is a least-squares line over its second half.</summary>
    public static IReadOnlyList<MemorySummary> Of(IReadOnlyList<MemorySample> samples, TimeSpan duration) =>
        [.. samples.Where(s => s.Seconds >= 0 && !double.IsNaN(s.RssMiB)).GroupBy(s => s.Pid).Select(g =>
        {
            var ordered = g.OrderBy(s => s.Seconds).ToList();
            var half = ordered.Where(s => s.Seconds >= duration.TotalSeconds / 2).ToList();
            return new MemorySummary(g.Key, ordered.Count, ordered[0].RssMiB, ordered[^1].RssMiB, ordered.Max(s => s.RssMiB), ordered.Max(s => s.PeakMiB), Slope(half));
        })];

    private static double Slope(IReadOnlyList<MemorySample> samples)
    {
        if (samples.Count < 3)
        {
            return double.NaN;
        }

        var meanX = samples.Average(s => s.Seconds / 60);
        var meanY = samples.Average(s => s.RssMiB);
        var covariance = samples.Sum(s => ((s.Seconds / 60) - meanX) * (s.RssMiB - meanY));
        var variance = samples.Sum(s => Math.Pow((s.Seconds / 60) - meanX, 2));
        return variance == 0 ? double.NaN : covariance / variance;
    }
}

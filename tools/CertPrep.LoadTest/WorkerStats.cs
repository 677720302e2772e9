namespace CertPrep.LoadTest;

/// <summary>
/// What one worker measured in one phase. Each worker owns its own instance, so the hot path takes no lock; the
/// instances are merged once the phase is over.
/// </summary>
internal sealed class WorkerStats
{
    private const int MaxErrorKinds = 20;

    /// <summary>Latency of every successful request, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public List<long> Latencies { get; } = new(4096);

    public int Errors { get; private set; }

    /// <summary>Errors by kind ("HTTP 400", "timeout", …), at most a few distinct kinds.</summary>
    public Dictionary<string, int> ErrorKinds { get; } = new(StringComparer.Ordinal);

    public void Success(long ticks) => Latencies.Add(ticks);

    public void Error(string kind)
    {
        Errors++;
        if (ErrorKinds.Count < MaxErrorKinds || ErrorKinds.ContainsKey(kind))
        {
            ErrorKinds[kind] = ErrorKinds.GetValueOrDefault(kind) + 1;
        }
    }
}

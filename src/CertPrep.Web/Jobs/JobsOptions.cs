namespace CertPrep.Web.Jobs;

/// <summary>Settings under the <c>Jobs</c> configuration section.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Scheduler name; every node of one cluster uses the same name.</summary>
    public string SchedulerName { get; set; } = "CertPrep";

    /// <summary>How many jobs one node runs at the same time.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How many times a failing job is retried after its first failure.</summary>
    public int RetryAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry; each later wait doubles, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether the scheduler starts with the site. Off only for tools that share the database.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long an idle scheduler waits before it looks at the store again. Jobs scheduled on this node wake it at
    /// once; this bounds the delay for work scheduled by other nodes and for noticing a shutdown request.
    /// </summary>
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long shutting down waits for running jobs before it stops waiting (they are recovered on restart).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// PostgreSQL clusters: how often each node records that it is alive. A node silent for about twice this long is
    /// taken for dead, and the jobs it was running are run again by another node.
    /// </summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>How long job history is kept by the pruning job.</summary>
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(30);
}

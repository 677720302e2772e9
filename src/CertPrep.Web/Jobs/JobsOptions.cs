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

    /// <summary>How long job history is kept by the pruning job.</summary>
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(30);
}

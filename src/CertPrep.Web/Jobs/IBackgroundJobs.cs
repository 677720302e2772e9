namespace CertPrep.Web.Jobs;

/// <summary>
/// The one way the rest of the code starts background work. Backed by Quartz's persistent store, so a job
/// accepted here survives a restart; a failing job is retried with exponential back-off.
/// </summary>
public interface IBackgroundJobs
{
    /// <summary>Runs the job as soon as a worker is free. Returns the id of the scheduled run.</summary>
    Task<string> EnqueueAsync<TJob>(IReadOnlyDictionary<string, string>? arguments = null, CancellationToken cancellationToken = default)
        where TJob : IBackgroundJob;

    /// <summary>Runs the job once, at <paramref name="runAt"/> (or as soon after as a worker is free).</summary>
    Task<string> ScheduleAsync<TJob>(DateTimeOffset runAt, IReadOnlyDictionary<string, string>? arguments = null, CancellationToken cancellationToken = default)
        where TJob : IBackgroundJob;

    /// <summary>Fires a registered recurring job now, in addition to its schedule.</summary>
    Task TriggerRecurringNowAsync(string jobName, CancellationToken cancellationToken = default);
}

namespace CertPrep.Web.Jobs;

/// <summary>
/// A unit of background work. Keep it thin: resolve a service, call it, pass the token on.
/// Register it with <see cref="JobsSetup.AddBackgroundJob{TJob}"/> or <see cref="JobsSetup.AddRecurringJob{TJob}"/>.
/// </summary>
public interface IBackgroundJob
{
    Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken);
}

/// <param name="JobName">The catalog name the job was registered under.</param>
/// <param name="RetryAttempt">0 on the first try, n on the n-th retry after a failure.</param>
/// <param name="Arguments">What the caller passed when it enqueued or scheduled the job.</param>
/// <param name="ScheduledFireTime">When the job was due (it may start a little later).</param>
public sealed record BackgroundJobContext(
    string JobName,
    int RetryAttempt,
    IReadOnlyDictionary<string, string> Arguments,
    DateTimeOffset ScheduledFireTime);

using Quartz;

namespace CertPrep.Web.Jobs;

/// <summary>
/// The single Quartz job type: finds the registered <see cref="IBackgroundJob"/> by its catalog name, runs it in
/// its own DI scope and records the run. Rethrowing a failure lets Quartz's retry policy schedule the next attempt.
/// </summary>
internal sealed partial class QuartzJobRunner(
    IServiceScopeFactory scopes,
    JobCatalog catalog,
    JobRunRecorder recorder,
    ILogger<QuartzJobRunner> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var name = data.TryGetValue(JobKeys.CatalogNameKey, out var n) ? n as string : null;
        var registration = name is null ? null : catalog.Find(name);
        if (registration is null)
        {
            // A stored job whose type was removed from the code: fail visibly rather than silently.
            throw new JobExecutionException($"No background job is registered under the name '{name}'.");
        }

        var arguments = data
            .Where(kv => kv.Key.StartsWith(JobKeys.ArgumentPrefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[JobKeys.ArgumentPrefix.Length..], kv => kv.Value?.ToString() ?? "", StringComparer.Ordinal);

        var scheduled = OriginalFireTime(context) ?? context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        if (context.Recovering)
        {
            scheduled = await recorder.InterruptedAsync(registration.Name, scheduled, context.Scheduler.SchedulerInstanceId, cancellationToken) ?? scheduled;
        }

        var runId = await recorder.StartedAsync(context, registration.Name, scheduled, cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var job = (IBackgroundJob)scope.ServiceProvider.GetRequiredService(registration.JobType);
            await job.RunAsync(new BackgroundJobContext(registration.Name, context.RetryAttempt, arguments, scheduled), cancellationToken);
            await recorder.FinishedAsync(runId, JobRunOutcome.Succeeded, null, retryScheduled: false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await recorder.FinishedAsync(runId, JobRunOutcome.Cancelled, null, retryScheduled: false);
            throw;
        }
        catch (Exception ex)
        {
            var policy = context.RetryPolicy;
            var willRetry = policy is { MaxAttempts: > 0 } && context.RetryAttempt < policy.MaxAttempts;
            LogJobFailed(logger, registration.Name, context.RetryAttempt, willRetry, ex);
            await recorder.FinishedAsync(runId, JobRunOutcome.Failed, $"{ex.GetType().Name}: {ex.Message}", willRetry);
            throw new JobExecutionException(ex.Message, ex);
        }
    }

    /// <summary>
    /// When a node died while running the job, another node runs it again under a recovery trigger; the fire time the
    /// job was due at is the original trigger's, which Quartz keeps in the recovery trigger's data (to the second).
    /// </summary>
    private static DateTimeOffset? OriginalFireTime(IJobExecutionContext context) =>
        context.Recovering
        && context.MergedJobDataMap.TryGetValue(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime, out var value)
        && DateTimeOffset.TryParse(value?.ToString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var scheduled)
            ? scheduled
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background job {JobName} failed on attempt {Attempt}; retry scheduled: {WillRetry}")]
    private static partial void LogJobFailed(ILogger logger, string jobName, int attempt, bool willRetry, Exception exception);
}

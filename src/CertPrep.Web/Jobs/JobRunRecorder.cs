using CertPrep.Web.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CertPrep.Web.Jobs;

/// <summary>Writes the job history the admin jobs page shows. Recording never makes a job fail.</summary>
internal sealed partial class JobRunRecorder(IServiceScopeFactory scopes, TimeProvider time, ILogger<JobRunRecorder> logger)
{
    private const int MaxErrorLength = 4000;

    public async Task<long?> StartedAsync(IJobExecutionContext context, string jobName, DateTimeOffset scheduled, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CertPrepDbContext>();
            var run = new JobRun
            {
                JobName = jobName,
                TriggerName = context.Trigger.Key.ToString(),
                FireInstanceId = context.FireInstanceId,
                NodeName = context.Scheduler.SchedulerInstanceId,
                ScheduledFireUtc = scheduled.UtcDateTime,
                StartedUtc = time.GetUtcNow().UtcDateTime,
                RetryAttempt = context.RetryAttempt,
                Outcome = JobRunOutcome.Running,
            };
            db.JobRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            return run.Id;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRecordFailed(logger, jobName, ex);
            return null;
        }
    }

    /// <summary>
    /// Marks the run a dead node left behind (still "running", due at the same time) as interrupted, and returns the
    /// time it was due at: Quartz hands the recovering node that time to the second only.
    /// </summary>
    public async Task<DateTimeOffset?> InterruptedAsync(string jobName, DateTimeOffset scheduled, string recoveringNode, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CertPrepDbContext>();
            var from = scheduled.UtcDateTime;
            var to = from.AddSeconds(1);
            var left = await db.JobRuns
                .Where(r => r.JobName == jobName && r.ScheduledFireUtc >= from && r.ScheduledFireUtc < to && r.Outcome == JobRunOutcome.Running && r.NodeName != recoveringNode)
                .ToListAsync(cancellationToken);
            foreach (var run in left)
            {
                run.Outcome = JobRunOutcome.Interrupted;
                run.FinishedUtc = time.GetUtcNow().UtcDateTime;
            }

            await db.SaveChangesAsync(cancellationToken);
            return left.Count == 0 ? null : new DateTimeOffset(DateTime.SpecifyKind(left[0].ScheduledFireUtc, DateTimeKind.Utc));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRecordFailed(logger, jobName, ex);
            return null;
        }
    }

    public async Task FinishedAsync(long? runId, JobRunOutcome outcome, string? error, bool retryScheduled)
    {
        if (runId is null)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CertPrepDbContext>();
            var finished = time.GetUtcNow().UtcDateTime;
            var trimmed = error is { Length: > MaxErrorLength } ? error[..MaxErrorLength] : error;
            // Not the job's token: a run that was cancelled is still recorded as cancelled.
            await db.JobRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Outcome, outcome)
                .SetProperty(r => r.FinishedUtc, finished)
                .SetProperty(r => r.Error, trimmed)
                .SetProperty(r => r.RetryScheduled, retryScheduled), CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogRecordFailed(logger, runId.ToString()!, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the run of background job {Job}")]
    private static partial void LogRecordFailed(ILogger logger, string job, Exception exception);
}

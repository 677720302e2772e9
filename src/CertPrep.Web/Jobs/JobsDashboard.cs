using CertPrep.Web.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CertPrep.Web.Jobs;

/// <summary>What the admin jobs page shows: the scheduler's triggers joined with CertPrep's own run history.</summary>
public sealed class JobsDashboard(ISchedulerFactory schedulers, JobCatalog catalog, CertPrepDbContext db)
{
    public const int RecentRuns = 50;
    public const int RecentFailures = 20;

    public async Task<JobsOverview> LoadAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);

        var lastRuns = await db.JobRuns.AsNoTracking()
            .GroupBy(r => r.JobName)
            .Select(g => g.OrderByDescending(r => r.StartedUtc).ThenByDescending(r => r.Id).First())
            .ToListAsync(cancellationToken);
        var lastByName = lastRuns.ToDictionary(r => r.JobName, StringComparer.Ordinal);

        var recurring = new List<RecurringJobView>();
        foreach (var registration in catalog.All.Where(r => r.IsRecurring).OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var key = JobKeys.RecurringTrigger(registration.Name);
            var trigger = await scheduler.GetTrigger(key, cancellationToken);
            var state = trigger is null ? (TriggerState?)null : await scheduler.GetTriggerState(key, cancellationToken);
            recurring.Add(new RecurringJobView(
                registration.Name,
                registration.Description,
                (trigger as ICronTrigger)?.CronExpressionString ?? registration.Cron!,
                state?.ToString() ?? "Not scheduled",
                trigger?.NextFireTimeUtc,
                trigger?.PreviousFireTimeUtc,
                lastByName.GetValueOrDefault(registration.Name)));
        }

        var pending = await scheduler.QueryTriggers(
            new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(JobKeys.OneOffGroup), Take = 100 }, cancellationToken);
        var queued = pending.Items
            .OrderBy(t => t.NextFireTimeUtc)
            .Select(t => new QueuedJobView(t.Key.Name, t.Description, t.State.ToString(), t.NextFireTimeUtc, t.RetryAttempt))
            .ToList();

        var recent = await db.JobRuns.AsNoTracking()
            .OrderByDescending(r => r.StartedUtc).ThenByDescending(r => r.Id)
            .Take(RecentRuns)
            .ToListAsync(cancellationToken);
        var failures = await db.JobRuns.AsNoTracking()
            .Where(r => r.Outcome == JobRunOutcome.Failed)
            .OrderByDescending(r => r.StartedUtc).ThenByDescending(r => r.Id)
            .Take(RecentFailures)
            .ToListAsync(cancellationToken);

        return new JobsOverview(
            scheduler.SchedulerName,
            scheduler.SchedulerInstanceId,
            scheduler.Status == SchedulerStatus.Running,
            recurring,
            queued,
            recent,
            failures);
    }
}

public sealed record JobsOverview(
    string SchedulerName,
    string NodeName,
    bool Running,
    IReadOnlyList<RecurringJobView> Recurring,
    IReadOnlyList<QueuedJobView> Queued,
    IReadOnlyList<JobRun> RecentRuns,
    IReadOnlyList<JobRun> RecentFailures);

public sealed record RecurringJobView(
    string Name,
    string Description,
    string Cron,
    string State,
    DateTimeOffset? NextFireUtc,
    DateTimeOffset? PreviousFireUtc,
    JobRun? LastRun);

public sealed record QueuedJobView(string Id, string? Description, string State, DateTimeOffset? NextFireUtc, int RetryAttempt);

using Quartz;

namespace CertPrep.Web.Jobs;

/// <summary>
/// Makes the stored recurring jobs match the registrations in code: adds new ones, updates changed schedules and
/// removes ones that are no longer registered. Safe when several nodes start at once (every write replaces).
/// </summary>
internal sealed class RecurringJobSynchronizer(JobCatalog catalog, TimeProvider time)
{
    public async Task SynchronizeAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        foreach (var registration in catalog.All.Where(r => r.IsRecurring))
        {
            var job = JobBuilder.Create<QuartzJobRunner>()
                .WithIdentity(JobKeys.Recurring(registration.Name))
                .WithDescription(registration.Description)
                .UsingJobData(JobKeys.CatalogNameKey, registration.Name)
                .StoreDurably(true)
                .RequestRecovery(true)
                .DisallowConcurrentExecution(true)
                .Build();

            var existing = await scheduler.GetTrigger(JobKeys.RecurringTrigger(registration.Name), cancellationToken);
            if (existing is ICronTrigger cron && cron.CronExpressionString == registration.Cron
                && await scheduler.GetJobDetail(job.Key, cancellationToken) is { } storedJob && storedJob.Description == job.Description)
            {
                continue; // unchanged: keep its previous and next fire times
            }

            var trigger = TriggerBuilder.Create(time)
                .WithIdentity(JobKeys.RecurringTrigger(registration.Name))
                .ForJob(job)
                .WithSchedule(CronScheduleBuilder.Create(registration.Cron!))
                .Build();
            await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
        }

        var registered = catalog.All.Where(r => r.IsRecurring).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var stored = await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(JobKeys.RecurringGroup) }, cancellationToken);
        foreach (var header in stored.Items.Where(h => !registered.Contains(h.Key.Name)))
        {
            await scheduler.DeleteJob(header.Key, cancellationToken);
        }
    }
}

using Quartz;

namespace CertPrep.Web.Jobs;

internal sealed class QuartzBackgroundJobs(ISchedulerFactory schedulers, JobCatalog catalog, TimeProvider time) : IBackgroundJobs
{
    public Task<string> EnqueueAsync<TJob>(IReadOnlyDictionary<string, string>? arguments = null, CancellationToken cancellationToken = default)
        where TJob : IBackgroundJob =>
        ScheduleAsync<TJob>(time.GetUtcNow(), arguments, cancellationToken);

    public async Task<string> ScheduleAsync<TJob>(DateTimeOffset runAt, IReadOnlyDictionary<string, string>? arguments = null, CancellationToken cancellationToken = default)
        where TJob : IBackgroundJob
    {
        var registration = catalog.For<TJob>();
        var id = $"{registration.Name}.{Guid.NewGuid():N}";
        var job = JobBuilder.Create<QuartzJobRunner>()
            .WithIdentity(id, JobKeys.OneOffGroup)
            .WithDescription(registration.Description)
            .UsingJobData(JobKeys.CatalogNameKey, registration.Name)
            .UsingJobData(ToJobData(arguments))
            .RequestRecovery(true)
            .Build();
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(id, JobKeys.OneOffGroup)
            .ForJob(job)
            .StartAt(runAt)
            .Build();

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
        return id;
    }

    public async Task TriggerRecurringNowAsync(string jobName, CancellationToken cancellationToken = default)
    {
        var registration = catalog.Find(jobName);
        if (registration is not { IsRecurring: true })
        {
            throw new ArgumentException($"'{jobName}' is not a registered recurring job.", nameof(jobName));
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(JobKeys.Recurring(jobName), cancellationToken: cancellationToken);
    }

    private static JobDataMap ToJobData(IReadOnlyDictionary<string, string>? arguments)
    {
        var map = new JobDataMap();
        foreach (var (key, value) in arguments ?? new Dictionary<string, string>())
        {
            map[JobKeys.ArgumentPrefix + key] = value;
        }

        return map;
    }
}

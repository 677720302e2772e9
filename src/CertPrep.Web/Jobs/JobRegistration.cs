namespace CertPrep.Web.Jobs;

/// <summary>A job type known to the scheduler, under a stable name that is stored in the database.</summary>
/// <param name="Name">Stable catalog name; renaming the class must not orphan stored jobs.</param>
/// <param name="JobType">The <see cref="IBackgroundJob"/> implementation, resolved from DI per run.</param>
/// <param name="Description">One line for the admin jobs page.</param>
/// <param name="Cron">Quartz cron expression (seconds first) for a recurring job; null for on-demand jobs.</param>
public sealed record JobRegistration(string Name, Type JobType, string Description, string? Cron = null)
{
    public bool IsRecurring => Cron is not null;
}

/// <summary>All registered jobs, by name and by type.</summary>
public sealed class JobCatalog(IEnumerable<JobRegistration> registrations)
{
    private readonly Dictionary<string, JobRegistration> _byName =
        registrations.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<JobRegistration> All => _byName.Values;

    public JobRegistration? Find(string name) => _byName.GetValueOrDefault(name);

    public JobRegistration For<TJob>()
        where TJob : IBackgroundJob =>
        _byName.Values.FirstOrDefault(r => r.JobType == typeof(TJob))
        ?? throw new InvalidOperationException($"{typeof(TJob).Name} is not registered; call AddBackgroundJob<{typeof(TJob).Name}>() at start-up.");
}

using CertPrep.Web.Data;
using Microsoft.Extensions.Options;
using Quartz;

namespace CertPrep.Web.Jobs;

public static class JobsSetup
{
    public static void AddCertPrepJobs(this WebApplicationBuilder builder, DatabaseSettings database)
    {
        var section = builder.Configuration.GetSection(JobsOptions.Section);
        builder.Services.Configure<JobsOptions>(section);
        var options = section.Get<JobsOptions>() ?? new JobsOptions();

        builder.Services.AddSingleton<JobCatalog>();
        builder.Services.AddSingleton<JobRunRecorder>();
        builder.Services.AddSingleton<RecurringJobSynchronizer>();
        builder.Services.AddSingleton<IBackgroundJobs, QuartzBackgroundJobs>();
        builder.Services.AddTransient<QuartzJobRunner>();
        builder.Services.AddScoped<JobHistoryPruner>();
        builder.Services.AddScoped<JobsDashboard>();
        builder.Services.AddRecurringJob<PruneJobHistoryJob>(PruneJobHistoryJob.Name, "0 15 3 * * ?", "Deletes job history older than the retention period");

        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = options.SchedulerName;
                s.GenerateInstanceId = true;
                s.IdleWaitTime = options.IdleWaitTime;
            });
            q.UseDefaultThreadPool(Math.Max(1, options.MaxConcurrency));
            q.UseDefaultRetryPolicy(RetryPolicy.Exponential(
                Math.Max(1, options.RetryAttempts), options.RetryInitialDelay, 2.0, options.RetryMaxDelay));
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                // The tables come from the EF migrations (QuartzJobStore); Quartz only checks they are there.
                store.ConfigureStore(s => s.SchemaProvisioning = SchemaProvisioning.Validate);
                if (database.Provider == DatabaseProvider.Sqlite)
                {
                    store.UseSqlite(database.ConnectionString);
                }
                else
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = options.ClusterCheckinInterval;
                        c.CheckinMisfireThreshold = options.ClusterCheckinInterval;
                    });
                }
            });
        });
    }

    /// <summary>Registers a job that runs on demand (enqueued or scheduled through <see cref="IBackgroundJobs"/>).</summary>
    public static IServiceCollection AddBackgroundJob<TJob>(this IServiceCollection services, string name, string description)
        where TJob : class, IBackgroundJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new JobRegistration(name, typeof(TJob), description));
        return services;
    }

    /// <summary>Registers a job that runs on a Quartz cron schedule (seconds first, e.g. "0 15 3 * * ?").</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string name, string cron, string description)
        where TJob : class, IBackgroundJob
    {
        if (!CronExpression.TryParse(cron, out _))
        {
            throw new ArgumentException($"'{cron}' is not a valid Quartz cron expression for job '{name}'.", nameof(cron));
        }

        services.AddScoped<TJob>();
        services.AddSingleton(new JobRegistration(name, typeof(TJob), description, cron));
        return services;
    }

    internal static JobsOptions Options(this IServiceProvider services) => services.GetRequiredService<IOptions<JobsOptions>>().Value;
}

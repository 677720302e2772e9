using CertPrep.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPrep.Web.Jobs;

/// <summary>Deletes job history older than <see cref="JobsOptions.HistoryRetention"/>.</summary>
public sealed class JobHistoryPruner(CertPrepDbContext db, TimeProvider time, IOptions<JobsOptions> options)
{
    public Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.HistoryRetention;
        return db.JobRuns
            .Where(r => r.StartedUtc < cutoff && r.Outcome != JobRunOutcome.Running)
            .ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>Nightly: keeps the job history table small.</summary>
public sealed class PruneJobHistoryJob(JobHistoryPruner pruner) : IBackgroundJob
{
    public const string Name = "prune-job-history";

    public Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken) => pruner.PruneAsync(cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPrep.Web.Jobs;

/// <summary>One execution of a background job: what ran, where, when, and how it ended.</summary>
public sealed class JobRun
{
    public long Id { get; set; }

    /// <summary>The job's catalog name (its Quartz job name).</summary>
    public required string JobName { get; set; }

    public required string TriggerName { get; set; }

    /// <summary>Quartz's id for this firing; unique per fire, shared by nothing else.</summary>
    public required string FireInstanceId { get; set; }

    public required string NodeName { get; set; }

    public DateTime ScheduledFireUtc { get; set; }

    public DateTime StartedUtc { get; set; }

    public DateTime? FinishedUtc { get; set; }

    /// <summary>0 for the first try, n for the n-th retry.</summary>
    public int RetryAttempt { get; set; }

    public JobRunOutcome Outcome { get; set; }

    /// <summary>The exception's type and message when the run failed.</summary>
    public string? Error { get; set; }

    /// <summary>Whether a retry was scheduled after this failure.</summary>
    public bool RetryScheduled { get; set; }
}

public enum JobRunOutcome
{
    Running = 0,
    Succeeded = 1,
    Failed = 2,
    Cancelled = 3,

    /// <summary>The node running it stopped (crashed or was killed); another node ran the job again.</summary>
    Interrupted = 4,
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.Property(r => r.JobName).HasMaxLength(200);
        builder.Property(r => r.TriggerName).HasMaxLength(200);
        builder.Property(r => r.FireInstanceId).HasMaxLength(200);
        builder.Property(r => r.NodeName).HasMaxLength(200);
        builder.Property(r => r.Error).HasMaxLength(4000);
        builder.HasIndex(r => new { r.JobName, r.StartedUtc });
        builder.HasIndex(r => new { r.Outcome, r.StartedUtc });
        builder.HasIndex(r => new { r.FireInstanceId, r.RetryAttempt }).IsUnique();
    }
}

using CertPrep.Web.Accounts;
using CertPrep.Web.Enrolments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPrep.Web.Planning;

/// <summary>
/// An enrolment's current study plan, re-made every night and on demand: the whole <c>StudyPlan</c> as gzipped JSON (a
/// six-month plan is about 80 KB of JSON and 6 KB gzipped, which is what keeps the nightly re-plan of thousands of
/// learners cheap to write).
/// </summary>
public sealed class StudyPlanRecord
{
    public required string UserId { get; set; }

    public required string CredentialId { get; set; }

    /// <summary>The learner's date the plan was made for (a plan is re-made once per learner day by the job).</summary>
    public DateOnly Day { get; set; }

    public DateTime ComputedUtc { get; set; }

    /// <summary>Counts re-plans; the calendar feed's events carry it as their sequence.</summary>
    public int Revision { get; set; }

    public bool Fits { get; set; }

    public int ShortfallMinutes { get; set; }

    public required byte[] PlanData { get; set; }
}

/// <summary>A past day as it was planned, frozen when the day is over (the planned-versus-done chart).</summary>
public sealed class StudyPlanDay
{
    public required string UserId { get; set; }

    public required string CredentialId { get; set; }

    public DateOnly Date { get; set; }

    public int BudgetMinutes { get; set; }

    public int PlannedMinutes { get; set; }

    /// <summary>The day's tasks (JSON array of <c>PlanTask</c>).</summary>
    public required string TasksJson { get; set; }
}

/// <summary>What a re-plan changed and why, shown to the learner.</summary>
public sealed class StudyPlanChange
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string CredentialId { get; set; }

    public DateTime ChangedUtc { get; set; }

    /// <summary>What started it: nightly, on demand, settings, mock exam.</summary>
    public required string Trigger { get; set; }

    /// <summary>The changes, one sentence each (JSON array).</summary>
    public required string ChangesJson { get; set; }
}

/// <summary>A learner's private calendar feed: whoever has the token can read the plan, so it can be revoked or replaced.</summary>
public sealed class CalendarFeed
{
    public required string UserId { get; set; }

    /// <summary>Random, URL-safe, 256 bits.</summary>
    public required string Token { get; set; }

    public DateTime CreatedUtc { get; set; }
}

internal sealed class StudyPlanRecordConfiguration : IEntityTypeConfiguration<StudyPlanRecord>
{
    public void Configure(EntityTypeBuilder<StudyPlanRecord> builder)
    {
        builder.ToTable("StudyPlans");
        builder.HasKey(p => new { p.UserId, p.CredentialId });
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.CredentialId).HasMaxLength(100);
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(p => new { p.UserId, p.CredentialId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StudyPlanDayConfiguration : IEntityTypeConfiguration<StudyPlanDay>
{
    public void Configure(EntityTypeBuilder<StudyPlanDay> builder)
    {
        builder.ToTable("StudyPlanDays");
        builder.HasKey(d => new { d.UserId, d.CredentialId, d.Date });
        builder.HasIndex(d => d.Date); // the clean-up of old days
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.Property(d => d.CredentialId).HasMaxLength(100);
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(d => new { d.UserId, d.CredentialId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StudyPlanChangeConfiguration : IEntityTypeConfiguration<StudyPlanChange>
{
    public void Configure(EntityTypeBuilder<StudyPlanChange> builder)
    {
        builder.ToTable("StudyPlanChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.CredentialId).HasMaxLength(100);
        builder.Property(c => c.Trigger).HasMaxLength(40);
        builder.HasIndex(c => new { c.UserId, c.CredentialId, c.ChangedUtc });
        builder.HasIndex(c => c.ChangedUtc); // the clean-up of old entries
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(c => new { c.UserId, c.CredentialId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("CalendarFeeds");
        builder.HasKey(f => f.UserId);
        builder.Property(f => f.UserId).HasMaxLength(450);
        builder.Property(f => f.Token).HasMaxLength(64);
        builder.HasIndex(f => f.Token).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

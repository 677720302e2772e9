using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPrep.Web.Enrolments;

/// <summary>A learner preparing for one credential: which exam form to simulate, the exam date and weekly hours.</summary>
public sealed class Enrolment
{
    public required string UserId { get; set; }

    public required string CredentialId { get; set; }

    /// <summary>The exam form mock exams simulate (e.g. <c>asq</c> or <c>iassc</c>); null means the credential's default form.</summary>
    public string? FormId { get; set; }

    public DateOnly? ExamDate { get; set; }

    public int? WeeklyHours { get; set; }

    /// <summary>Days of the week the learner studies, one character per day from Sunday ('1' yes, '0' no); null means every day.</summary>
    public string? StudyDays { get; set; }

    /// <summary>When the learner usually starts studying, minutes after local midnight (calendar events); null means 19:00.</summary>
    public int? StudyStartMinutes { get; set; }

    /// <summary>True when the learner chose the lighter study plan (fewer questions after each module, no half-length mocks); null or false: the full plan.</summary>
    public bool? LighterPlan { get; set; }

    public DateTime EnrolledUtc { get; set; }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("Enrolments");
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.CredentialId).HasMaxLength(100);
        builder.Property(e => e.FormId).HasMaxLength(100);
        builder.Property(e => e.StudyDays).HasMaxLength(7);
        builder.HasKey(e => new { e.UserId, e.CredentialId });
        builder.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

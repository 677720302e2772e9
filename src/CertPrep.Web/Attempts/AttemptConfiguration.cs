using CertPrep.Web.Accounts;
using CertPrep.Web.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPrep.Web.Attempts;

internal sealed class AttemptConfiguration : IEntityTypeConfiguration<Attempt>
{
    public void Configure(EntityTypeBuilder<Attempt> builder)
    {
        builder.ToTable("Attempts");
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.CredentialId).HasMaxLength(100);
        builder.Property(a => a.FormId).HasMaxLength(100);
        builder.Property(a => a.FormLength).HasMaxLength(20);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.HasIndex(a => new { a.UserId, a.Kind, a.StartedUtc });
        builder.HasIndex(a => new { a.SubmittedUtc, a.DeadlineUtc });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Items).WithOne().HasForeignKey(i => i.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttemptItemConfiguration : IEntityTypeConfiguration<AttemptItem>
{
    public void Configure(EntityTypeBuilder<AttemptItem> builder)
    {
        builder.ToTable("AttemptItems");
        builder.HasKey(i => new { i.AttemptId, i.Position });
        builder.Property(i => i.QuestionId).HasMaxLength(100);
        builder.Property(i => i.DomainId).HasMaxLength(100);
        builder.Property(i => i.Choices).HasMaxLength(100);
        builder.Property(i => i.NumericText).HasMaxLength(100);
        builder.Property(i => i.Revision).IsConcurrencyToken();
        builder.Property(i => i.Confidence).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.MissReason).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.SelectionReason).HasMaxLength(200);
        builder.Ignore(i => i.IsAnswered);
        builder.HasOne<QuestionVersion>().WithMany().HasForeignKey(i => i.QuestionVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.QuestionVersionId);
    }
}

internal sealed class QuestionMarkConfiguration : IEntityTypeConfiguration<QuestionMark>
{
    public void Configure(EntityTypeBuilder<QuestionMark> builder)
    {
        builder.ToTable("QuestionMarks");
        builder.HasKey(m => new { m.UserId, m.QuestionId });
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.QuestionId).HasMaxLength(100);
        builder.Property(m => m.Note).HasMaxLength(2000);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProblemReportConfiguration : IEntityTypeConfiguration<ProblemReport>
{
    public void Configure(EntityTypeBuilder<ProblemReport> builder)
    {
        builder.ToTable("ProblemReports");
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.QuestionId).HasMaxLength(100);
        builder.Property(r => r.Text).HasMaxLength(2000);
        builder.Property(r => r.ClosedByUserId).HasMaxLength(450);
        builder.Property(r => r.Resolution).HasMaxLength(1000);
        builder.HasIndex(r => new { r.ClosedUtc, r.QuestionId });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<QuestionVersion>().WithMany().HasForeignKey(r => r.QuestionVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

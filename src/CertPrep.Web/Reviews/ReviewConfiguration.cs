using CertPrep.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPrep.Web.Reviews;

internal sealed class ReviewCardConfiguration : IEntityTypeConfiguration<ReviewCard>
{
    public void Configure(EntityTypeBuilder<ReviewCard> builder)
    {
        builder.ToTable("ReviewCards");
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.ItemId).HasMaxLength(100);
        builder.Property(c => c.CredentialId).HasMaxLength(100);
        builder.Property(c => c.Topic).HasMaxLength(200);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Reps).IsConcurrencyToken();
        builder.HasIndex(c => new { c.UserId, c.Kind, c.ItemId }).IsUnique();
        builder.HasIndex(c => new { c.UserId, c.DueDay });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewLogConfiguration : IEntityTypeConfiguration<ReviewLog>
{
    public void Configure(EntityTypeBuilder<ReviewLog> builder)
    {
        builder.ToTable("ReviewLogs");
        builder.Property(l => l.UserId).HasMaxLength(450);
        builder.Property(l => l.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Confidence).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.QuestionType).HasMaxLength(20);
        builder.Property(l => l.Choices).HasMaxLength(100);
        builder.Property(l => l.NumericText).HasMaxLength(100);
        builder.HasIndex(l => new { l.UserId, l.ReviewedUtc });
        builder.HasIndex(l => new { l.UserId, l.Day }); // today's reviews (the daily limits, undo) without reading a learner's whole log
        builder.HasIndex(l => l.CardId);
        builder.HasOne(l => l.Card).WithMany().HasForeignKey(l => l.CardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StudySettingsConfiguration : IEntityTypeConfiguration<StudySettings>
{
    public void Configure(EntityTypeBuilder<StudySettings> builder)
    {
        builder.ToTable("StudySettings");
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.EasyDays).HasMaxLength(7);
        builder.Property(s => s.TimeZone).HasMaxLength(100);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewDayConfiguration : IEntityTypeConfiguration<ReviewDay>
{
    public void Configure(EntityTypeBuilder<ReviewDay> builder)
    {
        builder.ToTable("ReviewDays");
        builder.HasKey(d => new { d.UserId, d.Day });
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

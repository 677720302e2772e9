using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPrep.Web.Library;

internal sealed class CredentialRecordConfiguration : IEntityTypeConfiguration<CredentialRecord>
{
    public void Configure(EntityTypeBuilder<CredentialRecord> builder)
    {
        builder.ToTable("Credentials");
        builder.Property(c => c.Id).HasMaxLength(100);
        builder.Property(c => c.Name).HasMaxLength(300);
        builder.Property(c => c.Issuer).HasMaxLength(200);
        builder.Property(c => c.ContentHash).HasMaxLength(64);
    }
}

internal sealed class ModuleRecordConfiguration : IEntityTypeConfiguration<ModuleRecord>
{
    public void Configure(EntityTypeBuilder<ModuleRecord> builder)
    {
        builder.ToTable("Modules");
        builder.Property(m => m.Id).HasMaxLength(100);
        builder.Property(m => m.CredentialId).HasMaxLength(100);
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.Property(m => m.Summary).HasMaxLength(1000);
        builder.Property(m => m.SourcePath).HasMaxLength(400);
        builder.Property(m => m.ContentHash).HasMaxLength(64);
        builder.HasIndex(m => new { m.CredentialId, m.Order });
    }
}

internal sealed class GlossaryTermRecordConfiguration : IEntityTypeConfiguration<GlossaryTermRecord>
{
    public void Configure(EntityTypeBuilder<GlossaryTermRecord> builder)
    {
        builder.ToTable("GlossaryTerms");
        builder.Property(t => t.Id).HasMaxLength(200);
        builder.Property(t => t.Term).HasMaxLength(200);
        builder.Property(t => t.SourcePath).HasMaxLength(400);
        builder.Property(t => t.ContentHash).HasMaxLength(64);
    }
}

internal sealed class QuestionItemConfiguration : IEntityTypeConfiguration<QuestionItem>
{
    public void Configure(EntityTypeBuilder<QuestionItem> builder)
    {
        builder.ToTable("Questions");
        builder.Property(q => q.Id).HasMaxLength(100);
        builder.HasMany(q => q.Versions).WithOne().HasForeignKey(v => v.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(q => q.Domains).WithOne().HasForeignKey(d => d.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionVersionConfiguration : IEntityTypeConfiguration<QuestionVersion>
{
    public void Configure(EntityTypeBuilder<QuestionVersion> builder)
    {
        builder.ToTable("QuestionVersions");
        builder.Property(v => v.QuestionId).HasMaxLength(100);
        builder.Property(v => v.ContentHash).HasMaxLength(64);
        builder.Property(v => v.Type).HasMaxLength(20);
        builder.Property(v => v.Topic).HasMaxLength(200);
        builder.Property(v => v.Bloom).HasMaxLength(20);
        builder.Property(v => v.Difficulty).HasMaxLength(20);
        builder.Property(v => v.Source).HasMaxLength(300);
        builder.Property(v => v.CaseId).HasMaxLength(100);
        builder.Property(v => v.SourcePath).HasMaxLength(400);
        builder.HasIndex(v => new { v.QuestionId, v.Number }).IsUnique();
        builder.HasIndex(v => new { v.QuestionId, v.ContentHash }).IsUnique();
    }
}

internal sealed class QuestionDomainConfiguration : IEntityTypeConfiguration<QuestionDomain>
{
    public void Configure(EntityTypeBuilder<QuestionDomain> builder)
    {
        builder.ToTable("QuestionDomains");
        builder.Property(d => d.QuestionId).HasMaxLength(100);
        builder.Property(d => d.CredentialId).HasMaxLength(100);
        builder.Property(d => d.DomainId).HasMaxLength(100);
        builder.HasKey(d => new { d.QuestionId, d.CredentialId, d.DomainId });
        builder.HasIndex(d => new { d.CredentialId, d.DomainId });
    }
}

internal sealed class CaseSetRecordConfiguration : IEntityTypeConfiguration<CaseSetRecord>
{
    public void Configure(EntityTypeBuilder<CaseSetRecord> builder)
    {
        builder.ToTable("CaseSets");
        builder.Property(c => c.Id).HasMaxLength(100);
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.SourcePath).HasMaxLength(400);
        builder.Property(c => c.ContentHash).HasMaxLength(64);
    }
}

internal sealed class ContentImportConfiguration : IEntityTypeConfiguration<ContentImport>
{
    public void Configure(EntityTypeBuilder<ContentImport> builder)
    {
        builder.ToTable("ContentImports");
        builder.Property(i => i.Trigger).HasMaxLength(50);
        builder.HasIndex(i => i.StartedUtc);
        builder.HasMany(i => i.Problems).WithOne().HasForeignKey(p => p.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContentProblemConfiguration : IEntityTypeConfiguration<ContentProblem>
{
    public void Configure(EntityTypeBuilder<ContentProblem> builder)
    {
        builder.ToTable("ContentProblems");
        builder.Property(p => p.Path).HasMaxLength(400);
        builder.Property(p => p.Code).HasMaxLength(100);
        builder.Property(p => p.Message).HasMaxLength(2000);
    }
}

internal sealed class ModuleReadConfiguration : IEntityTypeConfiguration<ModuleRead>
{
    public void Configure(EntityTypeBuilder<ModuleRead> builder)
    {
        builder.ToTable("ModuleReads");
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.ModuleId).HasMaxLength(100);
        builder.HasKey(r => new { r.UserId, r.ModuleId });
        builder.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

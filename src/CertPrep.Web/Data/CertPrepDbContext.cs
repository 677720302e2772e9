using CertPrep.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Data;

/// <summary>The one application database: Identity, the job history and (in later features) learner data.</summary>
public sealed class CertPrepDbContext(DbContextOptions<CertPrepDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole, string>(options)
{
    public DbSet<Jobs.JobRun> JobRuns => Set<Jobs.JobRun>();

    public DbSet<Library.CredentialRecord> Credentials => Set<Library.CredentialRecord>();

    public DbSet<Library.ModuleRecord> Modules => Set<Library.ModuleRecord>();

    public DbSet<Library.GlossaryTermRecord> GlossaryTerms => Set<Library.GlossaryTermRecord>();

    public DbSet<Library.QuestionItem> Questions => Set<Library.QuestionItem>();

    public DbSet<Library.QuestionVersion> QuestionVersions => Set<Library.QuestionVersion>();

    public DbSet<Library.QuestionDomain> QuestionDomains => Set<Library.QuestionDomain>();

    public DbSet<Library.CaseSetRecord> CaseSets => Set<Library.CaseSetRecord>();

    public DbSet<Library.ContentImport> ContentImports => Set<Library.ContentImport>();

    public DbSet<Library.ContentProblem> ContentProblems => Set<Library.ContentProblem>();

    public DbSet<Library.ModuleRead> ModuleReads => Set<Library.ModuleRead>();

    public DbSet<Enrolments.Enrolment> Enrolments => Set<Enrolments.Enrolment>();

    public DbSet<Attempts.Attempt> Attempts => Set<Attempts.Attempt>();

    public DbSet<Attempts.AttemptItem> AttemptItems => Set<Attempts.AttemptItem>();

    public DbSet<Attempts.QuestionMark> QuestionMarks => Set<Attempts.QuestionMark>();

    public DbSet<Attempts.ProblemReport> ProblemReports => Set<Attempts.ProblemReport>();

    public DbSet<Reviews.ReviewCard> ReviewCards => Set<Reviews.ReviewCard>();

    public DbSet<Reviews.ReviewLog> ReviewLogs => Set<Reviews.ReviewLog>();

    public DbSet<Reviews.StudySettings> StudySettings => Set<Reviews.StudySettings>();

    public DbSet<Reviews.ReviewDay> ReviewDays => Set<Reviews.ReviewDay>();

    public DbSet<Adaptive.AbilityState> AbilityStates => Set<Adaptive.AbilityState>();

    public DbSet<Adaptive.ItemCalibration> ItemCalibrations => Set<Adaptive.ItemCalibration>();

    public DbSet<Adaptive.MasterySnapshot> MasterySnapshots => Set<Adaptive.MasterySnapshot>();

    public DbSet<Planning.StudyPlanRecord> StudyPlans => Set<Planning.StudyPlanRecord>();

    public DbSet<Planning.StudyPlanDay> StudyPlanDays => Set<Planning.StudyPlanDay>();

    public DbSet<Planning.StudyPlanChange> StudyPlanChanges => Set<Planning.StudyPlanChange>();

    public DbSet<Planning.CalendarFeed> CalendarFeeds => Set<Planning.CalendarFeed>();

    public DbSet<Hosting.DataProtectionKey> DataProtectionKeys => Set<Hosting.DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CertPrepDbContext).Assembly);
    }
}

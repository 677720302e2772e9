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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CertPrepDbContext).Assembly);
    }
}

using System.Text.Json;
using CertPrep.Web.Accounts;
using CertPrep.Web.Data;
using CertPrep.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPrep.Web.Adaptive;

/// <summary>A learner's mastery per domain on one day, for the trend chart.</summary>
public sealed class MasterySnapshot
{
    public required string UserId { get; set; }

    public required string CredentialId { get; set; }

    public DateOnly Day { get; set; }

    /// <summary>Domain id to predicted share correct (JSON), and the projected share under "_exam".</summary>
    public required string MasteryJson { get; set; }

    public IReadOnlyDictionary<string, double> Read() =>
        JsonSerializer.Deserialize<Dictionary<string, double>>(MasteryJson) ?? [];
}

internal sealed class MasterySnapshotConfiguration : IEntityTypeConfiguration<MasterySnapshot>
{
    public void Configure(EntityTypeBuilder<MasterySnapshot> builder)
    {
        builder.ToTable("MasterySnapshots");
        builder.HasKey(s => new { s.UserId, s.CredentialId, s.Day });
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.CredentialId).HasMaxLength(100);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// The nightly mastery snapshot: each enrolment's mastery per domain for today (UTC), replaced if the job runs again the
/// same day (idempotent), in batches of enrolments.
/// </summary>
public sealed class MasterySnapshotService(CertPrepDbContext db, MasteryService mastery, TimeProvider time)
{
    public const string ExamKey = "_exam";

    public async Task<int> SnapshotAsync(CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var enrolments = await db.Enrolments.AsNoTracking().Select(e => new { e.UserId, e.CredentialId }).OrderBy(e => e.UserId).ThenBy(e => e.CredentialId).ToListAsync(ct);
        var written = 0;
        foreach (var batch in enrolments.Chunk(100))
        {
            foreach (var enrolment in batch)
            {
                var report = await mastery.ForAsync(enrolment.UserId, enrolment.CredentialId, ct);
                if (report is null || report.Answers == 0)
                {
                    continue;
                }

                var values = report.Domains.ToDictionary(d => d.Id, d => Math.Round(d.Mastery.Share, 4), StringComparer.Ordinal);
                values[ExamKey] = Math.Round(report.Readiness.Readiness.ExpectedShare, 4);
                var json = JsonSerializer.Serialize(values);
                var row = await db.MasterySnapshots.SingleOrDefaultAsync(s => s.UserId == enrolment.UserId && s.CredentialId == enrolment.CredentialId && s.Day == day, ct);
                if (row is null)
                {
                    db.MasterySnapshots.Add(new MasterySnapshot { UserId = enrolment.UserId, CredentialId = enrolment.CredentialId, Day = day, MasteryJson = json });
                }
                else
                {
                    row.MasteryJson = json;
                }

                written++;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return written;
    }
}

/// <summary>Nightly: stores each learner's mastery per domain for the trend chart.</summary>
public sealed class MasterySnapshotJob(MasterySnapshotService snapshots) : IBackgroundJob
{
    public const string Name = "mastery-snapshots";

    public Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken) => snapshots.SnapshotAsync(cancellationToken);
}

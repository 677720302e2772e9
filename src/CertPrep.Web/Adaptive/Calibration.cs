using CertPrep.Domain.Adaptive;
using CertPrep.Web.Attempts;
using CertPrep.Web.Data;
using CertPrep.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertPrep.Web.Adaptive;

/// <summary>An item's parameters as last fitted by the nightly recalibration.</summary>
public sealed class ItemCalibration
{
    public long QuestionVersionId { get; set; }

    public double A { get; set; }

    public double B { get; set; }

    public double C { get; set; }

    public int Responses { get; set; }

    public DateTime CalibratedUtc { get; set; }

    public ItemParameters Parameters => new(A, B, C);
}

internal sealed class ItemCalibrationConfiguration : IEntityTypeConfiguration<ItemCalibration>
{
    public void Configure(EntityTypeBuilder<ItemCalibration> builder)
    {
        builder.ToTable("ItemCalibrations");
        builder.HasKey(c => c.QuestionVersionId);
        builder.Property(c => c.QuestionVersionId).ValueGeneratedNever();
        builder.Ignore(c => c.Parameters);
        builder.HasOne<Library.QuestionVersion>().WithMany().HasForeignKey(c => c.QuestionVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// The nightly recalibration: every question version's discrimination and difficulty re-estimated from all learners'
/// answers (practice and submitted exams), with each learner's current ability in that domain as the criterion and
/// the author's values as the prior (see docs/adaptive.md). Idempotent: the same answers give the same parameters.
/// </summary>
public sealed class CalibrationService(CertPrepDbContext db, QuestionBank bank, TimeProvider time)
{
    public async Task<int> RecalibrateAsync(CancellationToken ct)
    {
        // Learners' abilities per credential and domain (the criterion), read once.
        var abilities = new Dictionary<(string User, string Credential), LearnerAbilities>();
        await foreach (var state in db.AbilityStates.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            abilities[(state.UserId, state.CredentialId)] = state.Read();
        }

        // The criterion is each ability as of the start of today (UTC), and answers are read in a fixed order, so a
        // second run the same day gives exactly the same parameters.
        var now = time.GetUtcNow();
        var asOf = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var responses = new Dictionary<long, List<(double Theta, bool Correct)>>();
        var answers = db.AttemptItems.AsNoTracking()
            .Where(i => i.IsCorrect != null)
            .Join(db.Attempts.Where(a => a.Kind == AttemptKind.Practice || a.SubmittedUtc != null), i => i.AttemptId, a => a.Id, (i, a) => new { a.UserId, a.CredentialId, i.AttemptId, i.Position, i.DomainId, i.QuestionVersionId, i.IsCorrect })
            .OrderBy(x => x.AttemptId).ThenBy(x => x.Position)
            .AsAsyncEnumerable();
        var thetas = new Dictionary<(string, string, string), double>();
        await foreach (var answer in answers.WithCancellation(ct))
        {
            var key = (answer.UserId, answer.CredentialId, answer.DomainId);
            if (!thetas.TryGetValue(key, out var theta))
            {
                theta = abilities.TryGetValue((answer.UserId, answer.CredentialId), out var learner) ? learner.Domain(answer.DomainId, asOf).Mean : 0;
                thetas[key] = theta;
            }

            if (!responses.TryGetValue(answer.QuestionVersionId, out var list))
            {
                responses[answer.QuestionVersionId] = list = [];
            }

            list.Add((theta, answer.IsCorrect == true));
        }

        var versions = responses.Keys.ToList();
        var prepared = await bank.GetAsync(db, versions, ct);
        var fitted = new ItemCalibration[versions.Count];
        Parallel.For(0, versions.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var prior = AbilityRecorder.Prior(prepared[versions[i]]);
            var p = ItemCalibrator.Calibrate(prior, responses[versions[i]]);
            fitted[i] = new ItemCalibration { QuestionVersionId = versions[i], A = p.A, B = p.B, C = p.C, Responses = responses[versions[i]].Count, CalibratedUtc = now.UtcDateTime };
        });

        // Write in batches: replace each version's row.
        foreach (var batch in fitted.Chunk(500))
        {
            var ids = batch.Select(c => c.QuestionVersionId).ToList();
            var existing = await db.ItemCalibrations.Where(c => ids.Contains(c.QuestionVersionId)).ToDictionaryAsync(c => c.QuestionVersionId, ct);
            foreach (var row in batch)
            {
                if (existing.TryGetValue(row.QuestionVersionId, out var current))
                {
                    (current.A, current.B, current.C, current.Responses, current.CalibratedUtc) = (row.A, row.B, row.C, row.Responses, row.CalibratedUtc);
                }
                else
                {
                    db.ItemCalibrations.Add(row);
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return fitted.Length;
    }

    /// <summary>The parameters to use for question versions: fitted where the nightly job has fitted them.</summary>
    public static async Task<Dictionary<long, ItemParameters>> FittedAsync(CertPrepDbContext db, IReadOnlyCollection<long> versionIds, CancellationToken ct) =>
        await db.ItemCalibrations.AsNoTracking().Where(c => versionIds.Contains(c.QuestionVersionId))
            .ToDictionaryAsync(c => c.QuestionVersionId, c => new ItemParameters(c.A, c.B, c.C), ct);
}

/// <summary>Nightly: re-estimates every item's parameters from all answers.</summary>
public sealed class RecalibrateItemsJob(CalibrationService calibration) : IBackgroundJob
{
    public const string Name = "recalibrate-items";

    public Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken) => calibration.RecalibrateAsync(cancellationToken);
}

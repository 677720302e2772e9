using CertPrep.Domain.Adaptive;
using CertPrep.Domain.Exams;
using CertPrep.Web.Attempts;
using CertPrep.Web.Data;
using CertPrep.Web.Exams;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Adaptive;

/// <summary>One domain on the Mastery page.</summary>
public sealed record DomainMastery(string Id, string Name, double Weight, bool WeightConfirmed, Mastery Mastery, IReadOnlyList<TopicResult> WeakestTopics);

/// <summary>A topic the learner has answered at least twice, with their share right.</summary>
public sealed record TopicResult(string Topic, int Answers, double ShareCorrect);

/// <summary>The projected exam score, on the exam's own scale, when there is enough evidence.</summary>
public sealed record ReadinessView(Readiness Readiness, ScoreScale? Scale, double? Score, double? Low, double? High, int MockExams);

/// <summary>What the Mastery page shows for one enrolment.</summary>
public sealed record MasteryReport(string CredentialId, string CredentialName, IReadOnlyList<DomainMastery> Domains, ReadinessView Readiness, int Answers, IReadOnlyList<TrendPoint> Trend);

/// <summary>One day of the trend: mastery per domain id (and the projected exam share under "_exam").</summary>
public sealed record TrendPoint(DateOnly Day, IReadOnlyDictionary<string, double> Values);

/// <summary>
/// Mastery per domain and readiness for one of the learner's enrolments, from their stored abilities and the
/// credential's live questions (see docs/adaptive.md).
/// </summary>
public sealed class MasteryService(CertPrepDbContext db, QuestionPool pool, QuestionBank bank, TimeProvider time)
{
    private const int TopicsShown = 2;
    private const int TrendDays = 90;

    public async Task<MasteryReport?> ForAsync(string userId, string credentialId, CancellationToken ct)
    {
        var enrolment = await db.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == userId && e.CredentialId == credentialId, ct);
        var credential = enrolment is null ? null : await pool.CredentialAsync(credentialId, ct);
        if (enrolment is null || credential is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var state = await db.AbilityStates.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId && s.CredentialId == credentialId, ct);
        var abilities = state?.Read() ?? LearnerAbilities.New();
        var questions = await pool.ForCredentialAsync(credentialId, ct);
        var prepared = await bank.GetAsync(db, questions.Select(q => q.VersionId), ct);
        var fitted = await CalibrationService.FittedAsync(db, [.. questions.Select(q => q.VersionId)], ct);
        var form = ExamForms.FormOf(credential, enrolment.FormId);
        var scored = form.ScoredItems.Value;
        var topics = await TopicsAsync(userId, credentialId, ct);
        var domains = credential.Domains.Select(d =>
        {
            var items = questions.Where(q => q.DomainIds.Contains(d.Id)).Select(q => new PoolItem(q.Id, d.Id, fitted.TryGetValue(q.VersionId, out var p) ? p : AbilityRecorder.Prior(prepared[q.VersionId]))).ToList();
            var mastery = Mastery.Of(abilities.Domain(d.Id, now), items);
            var weakest = topics.Where(t => t.Domain == d.Id && t.Answers >= 2).OrderBy(t => t.Share).ThenByDescending(t => t.Answers).Take(TopicsShown)
                .Select(t => new TopicResult(t.Topic, t.Answers, t.Share)).ToList();
            return new DomainMastery(d.Id, d.Name, d.Weight.Fraction(scored), d.Weight.Confirmed, mastery, weakest);
        }).ToList();

        var weights = domains.ToDictionary(d => d.Id, d => d.Weight, StringComparer.Ordinal);
        var scale = ExamForms.Scale(credential, form);
        var mockExams = await db.Attempts.CountAsync(a => a.UserId == userId && a.CredentialId == credentialId && a.Kind == AttemptKind.Exam && a.SubmittedUtc != null, ct);
        var names = domains.ToDictionary(d => d.Id, d => d.Name, StringComparer.Ordinal);
        var readiness = Readiness.Compute(
            domains.ToDictionary(d => d.Id, d => d.Mastery, StringComparer.Ordinal),
            weights,
            scale?.CutProportion ?? ScoreScale.DefaultCutProportion,
            mockExams,
            domainName: id => names.GetValueOrDefault(id) ?? id,
            examItems: scored);
        var view = new ReadinessView(readiness, scale, scale?.Map(readiness.ExpectedShare), scale?.Map(readiness.Low), scale?.Map(readiness.High), mockExams);
        var since = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-TrendDays);
        var trend = (await db.MasterySnapshots.AsNoTracking().Where(s => s.UserId == userId && s.CredentialId == credentialId && s.Day >= since).OrderBy(s => s.Day).ToListAsync(ct))
            .Select(s => new TrendPoint(s.Day, s.Read())).ToList();
        return new MasteryReport(credentialId, credential.Name, domains, view, state?.Responses ?? 0, trend);
    }

    /// <summary>The learner's share right per domain and topic, over practice answers and submitted exams.</summary>
    private async Task<List<(string Domain, string Topic, int Answers, double Share)>> TopicsAsync(string userId, string credentialId, CancellationToken ct)
    {
        // From the learner's attempts to their items (a join): a correlated EXISTS scans every learner's answers on SQLite.
        var rows = await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == userId && a.CredentialId == credentialId && (a.Kind == AttemptKind.Practice || a.SubmittedUtc != null))
            .SelectMany(a => a.Items).Where(i => i.IsCorrect != null)
            .Join(db.QuestionVersions, i => i.QuestionVersionId, v => v.Id, (i, v) => new { i.DomainId, v.Topic, i.IsCorrect })
            .ToListAsync(ct);
        return [.. rows.GroupBy(r => (r.DomainId, r.Topic)).Select(g => (g.Key.DomainId, g.Key.Topic, g.Count(), g.Average(r => r.IsCorrect == true ? 1.0 : 0.0)))];
    }
}

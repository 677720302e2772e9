using CertPrep.Domain.Adaptive;
using CertPrep.Web.Attempts;
using CertPrep.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Adaptive;

/// <summary>One question version's statistics for authors.</summary>
public sealed record ItemAnalysisRow(
    string QuestionId,
    int Version,
    string DomainId,
    string Topic,
    string Difficulty,
    string SourcePath,
    int SourceLine,
    ItemStatistics Statistics,
    IReadOnlyList<bool> Keys,
    ItemParameters Parameters,
    bool Calibrated,
    int OpenReports);

/// <summary>KR-20 of the mock exams of one length.</summary>
public sealed record FormReliability(string Length, int Attempts, int Items, double? Kr20);

/// <summary>The item-analysis page's data for one credential.</summary>
public sealed record ItemAnalysisReport(string CredentialId, IReadOnlyList<ItemAnalysisRow> Rows, IReadOnlyList<FormReliability> Forms);

/// <summary>
/// Classical item analysis of every live question of a credential (its current version), from learners' practice
/// answers and submitted mock exams: p-value, point-biserial with the rest of the attempt, option shares, time,
/// parameters, open problem reports and flags; and KR-20 of mock-exam forms per length once there are enough.
/// </summary>
public sealed class ItemAnalysisService(CertPrepDbContext db, QuestionPool pool, QuestionBank bank)
{
    /// <summary>Submitted mock exams of one length needed before their reliability is shown.</summary>
    public const int AttemptsForReliability = 10;

    public async Task<ItemAnalysisReport?> ForAsync(string credentialId, CancellationToken ct)
    {
        var credential = await pool.CredentialAsync(credentialId, ct);
        if (credential is null)
        {
            return null;
        }

        var questions = await pool.ForCredentialAsync(credentialId, ct);
        var versionIds = questions.Select(q => q.VersionId).ToList();
        var prepared = await bank.GetAsync(db, versionIds, ct);
        var versions = await db.QuestionVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .Select(v => new { v.Id, v.Number, v.SourcePath, v.SourceLine, v.Difficulty }).ToDictionaryAsync(v => v.Id, ct);
        var answers = await db.AttemptItems.AsNoTracking()
            .Where(i => i.IsCorrect != null && db.Attempts.Any(a => a.Id == i.AttemptId && a.CredentialId == credentialId && (a.Kind == AttemptKind.Practice || a.SubmittedUtc != null)))
            .Select(i => new { i.AttemptId, i.QuestionVersionId, i.IsCorrect, i.Choices, i.TimeSpentMs })
            .ToListAsync(ct);
        var totals = answers.GroupBy(a => a.AttemptId).ToDictionary(g => g.Key, g => (Correct: g.Count(a => a.IsCorrect == true), Count: g.Count()));
        var reports = await db.ProblemReports.AsNoTracking().Where(r => r.ClosedUtc == null && versionIds.Contains(r.QuestionVersionId))
            .GroupBy(r => r.QuestionVersionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var byVersion = answers.ToLookup(a => a.QuestionVersionId);
        var fitted = await CalibrationService.FittedAsync(db, versionIds, ct);

        var rows = questions.Select(q =>
        {
            var question = prepared[q.VersionId];
            var responses = byVersion[q.VersionId].Select(a =>
            {
                var (correct, count) = totals[a.AttemptId];
                var rest = count > 1 ? (correct - (a.IsCorrect == true ? 1 : 0)) / (double)(count - 1) : 0;
                IReadOnlyList<int> chosen = a.Choices is null ? [] : [.. a.Choices.Split(',').Select(int.Parse)];
                return new ItemAnswer(a.IsCorrect == true, chosen, a.TimeSpentMs > 0 ? a.TimeSpentMs / 1000.0 : null, rest);
            }).ToList();
            var keys = question.Options.Select((o, i) => (o, i)).Where(x => x.o.IsKey).Select(x => x.i).ToList();
            var statistics = ItemStatistics.Compute(responses, question.Options.Count, keys, (Domain.Exams.Difficulty)(int)question.Difficulty);
            var version = versions[q.VersionId];
            return new ItemAnalysisRow(
                q.Id, version.Number, q.DomainIds[0], question.Topic, version.Difficulty, version.SourcePath, version.SourceLine, statistics,
                [.. question.Options.Select(o => o.IsKey)], fitted.TryGetValue(q.VersionId, out var p) ? p : AbilityRecorder.Prior(question), fitted.ContainsKey(q.VersionId), reports.GetValueOrDefault(q.VersionId));
        }).ToList();

        return new ItemAnalysisReport(credentialId, rows, await FormsAsync(credentialId, rows, ct));
    }

    /// <summary>
    /// KR-20 per form length. Mock forms are assembled at random, so each attempt has its own items: Σpq is taken per
    /// attempt from the items' pool-wide p-values and averaged, and the variance is that of the attempts' scores.
    /// </summary>
    private async Task<IReadOnlyList<FormReliability>> FormsAsync(string credentialId, IReadOnlyList<ItemAnalysisRow> rows, CancellationToken ct)
    {
        var p = rows.ToDictionary(r => r.QuestionId, r => r.Statistics.PValue, StringComparer.Ordinal);
        var exams = await db.Attempts.AsNoTracking()
            .Where(a => a.CredentialId == credentialId && a.Kind == AttemptKind.Exam && a.SubmittedUtc != null)
            .Select(a => new { a.Id, a.FormLength })
            .ToListAsync(ct);
        var ids = exams.Select(e => e.Id).ToList();
        var items = (await db.AttemptItems.AsNoTracking().Where(i => ids.Contains(i.AttemptId) && !i.IsPretest)
            .Select(i => new { i.AttemptId, i.QuestionId, i.IsCorrect }).ToListAsync(ct)).ToLookup(i => i.AttemptId);
        return [.. exams.GroupBy(e => e.FormLength ?? "Full").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var attempts = g.Select(e => items[e.Id].ToList()).Where(list => list.Count > 1).ToList();
            var k = attempts.Count == 0 ? 0 : (int)Math.Round(attempts.Average(a => a.Count));
            double? kr20 = null;
            if (attempts.Count >= AttemptsForReliability && k > 1)
            {
                var scores = attempts.Select(a => (double)a.Count(i => i.IsCorrect == true)).ToList();
                var mean = scores.Average();
                var variance = scores.Sum(s => (s - mean) * (s - mean)) / scores.Count;
                var pq = attempts.Average(a => a.Sum(i => p.TryGetValue(i.QuestionId, out var pi) ? pi * (1 - pi) : 0.25));
                kr20 = variance > 0 ? k / (k - 1.0) * (1 - (pq / variance)) : null;
            }

            return new FormReliability(g.Key, attempts.Count, k, kr20);
        })];
    }
}

using CertPrep.Domain.Exams;
using CertPrep.Web.Attempts;
using CertPrep.Web.Data;
using CertPrep.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Exams;

/// <summary>Score reports of submitted exams, and the learner's exam history with trends per domain.</summary>
public sealed class ExamReports(CertPrepDbContext db, QuestionPool pool, ItemPresenter presenter)
{
    public async Task<ExamReport?> ReportAsync(string userId, long attemptId, CancellationToken ct)
    {
        var attempt = await db.Attempts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attemptId && a.UserId == userId && a.Kind == AttemptKind.Exam, ct);
        if (attempt?.SubmittedUtc is null)
        {
            return null;
        }

        var items = await db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == attemptId).OrderBy(i => i.Position).ToListAsync(ct);
        var settings = LibraryJson.Read<ExamSettings>(attempt.SettingsJson);
        var credential = await pool.CredentialAsync(attempt.CredentialId, ct);
        var score = Score(items, settings);
        ScoreProjection? projection = null;
        if (credential is not null && score.ScoredItems > 0 && ExamForms.Scale(credential, ExamForms.FormOf(credential, attempt.FormId)) is { } scale)
        {
            projection = ScoreProjection.Project(score, scale);
        }

        var names = settings.Domains.ToDictionary(d => d.DomainId, d => d.Name, StringComparer.Ordinal);
        var review = await presenter.PresentAsync(items, reveal: true, ct);
        return new ExamReport(attempt, settings, score, projection, review, id => names.GetValueOrDefault(id) ?? credential?.Domain(id)?.Name ?? id);
    }

    /// <summary>Submitted exams of a learner, oldest first, with percent correct per domain for trends.</summary>
    public async Task<ExamHistory> HistoryAsync(string userId, CancellationToken ct)
    {
        var attempts = await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == userId && a.Kind == AttemptKind.Exam)
            .OrderBy(a => a.StartedUtc).ThenBy(a => a.Id)
            .ToListAsync(ct);
        var submittedIds = attempts.Where(a => a.SubmittedUtc != null).Select(a => a.Id).ToList();
        var items = await db.AttemptItems.AsNoTracking()
            .Where(i => submittedIds.Contains(i.AttemptId) && !i.IsPretest)
            .Select(i => new { i.AttemptId, i.DomainId, i.IsCorrect })
            .ToListAsync(ct);
        var byAttempt = items.ToLookup(i => i.AttemptId);
        var entries = attempts.Select(a =>
        {
            var settings = LibraryJson.Read<ExamSettings>(a.SettingsJson);
            var domains = byAttempt[a.Id].GroupBy(i => i.DomainId)
                .ToDictionary(g => g.Key, g => new DomainResult(g.Count(), g.Count(i => i.IsCorrect == true)), StringComparer.Ordinal);
            return new ExamHistoryEntry(a, settings, domains);
        }).ToList();
        var domainNames = entries.SelectMany(e => e.Settings.Domains).GroupBy(d => d.DomainId).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        return new ExamHistory(entries, domainNames);
    }

    /// <summary>Question ids the learner missed or left blank on a submitted exam (scored and pretest alike).</summary>
    public async Task<(string CredentialId, IReadOnlyList<string> QuestionIds)?> MissedAsync(string userId, long attemptId, CancellationToken ct)
    {
        var attempt = await db.Attempts.AsNoTracking().Where(a => a.Id == attemptId && a.UserId == userId && a.Kind == AttemptKind.Exam && a.SubmittedUtc != null)
            .Select(a => new { a.CredentialId }).SingleOrDefaultAsync(ct);
        if (attempt is null)
        {
            return null;
        }

        var missed = await db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == attemptId && i.IsCorrect != true).OrderBy(i => i.Position).Select(i => i.QuestionId).ToListAsync(ct);
        return (attempt.CredentialId, missed);
    }

    public static ExamScore Score(IReadOnlyList<AttemptItem> items, ExamSettings settings) =>
        ExamScore.Score(
            [.. items.Select(i => new FormItem(i.QuestionId, i.DomainId, CertPrep.Domain.Exams.Difficulty.Medium, i.IsPretest))],
            settings.Domains.Select(d => d.DomainId),
            items.Where(i => i.IsAnswered || i.TimeSpentMs > 0).Select(i => new ItemResponse(
                i.QuestionId,
                !i.IsAnswered ? ItemOutcome.Unanswered : i.IsCorrect == true ? ItemOutcome.Correct : ItemOutcome.Incorrect,
                TimeSpan.FromMilliseconds(i.TimeSpentMs))));
}

public sealed record ExamReport(
    Attempt Attempt,
    ExamSettings Settings,
    ExamScore Score,
    ScoreProjection? Projection,
    IReadOnlyList<ItemView> Review,
    Func<string, string> DomainName)
{
    public int Missed => Review.Count(r => r.Feedback is { IsCorrect: false });
}

public sealed record DomainResult(int Items, int Correct)
{
    public double Percent => Items == 0 ? 0 : 100.0 * Correct / Items;
}

public sealed record ExamHistoryEntry(Attempt Attempt, ExamSettings Settings, IReadOnlyDictionary<string, DomainResult> Domains)
{
    public bool IsSubmitted => Attempt.SubmittedUtc is not null;

    public double? Percent => Attempt.ScoredItems is > 0 ? 100.0 * Attempt.Correct!.Value / Attempt.ScoredItems.Value : null;
}

public sealed record ExamHistory(IReadOnlyList<ExamHistoryEntry> Entries, IReadOnlyDictionary<string, string> DomainNames)
{
    /// <summary>Percent correct per domain over the submitted exams, oldest first.</summary>
    public IReadOnlyList<DomainTrend> Trends => [.. DomainNames.Select(d => new DomainTrend(
        d.Key,
        d.Value,
        [.. Entries.Where(e => e.IsSubmitted && e.Domains.ContainsKey(d.Key)).Select(e => e.Domains[d.Key].Percent)]))];
}

public sealed record DomainTrend(string DomainId, string Name, IReadOnlyList<double> Percents)
{
    public double? Change => Percents.Count >= 2 ? Percents[^1] - Percents[0] : null;
}

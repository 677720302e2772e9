using CertPrep.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Attempts;

/// <summary>The authors' queue of learners' problem reports, grouped by the question version they were made on.</summary>
public sealed class ProblemReportQueue(CertPrepDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<ReportedVersion>> OpenAsync(CancellationToken ct)
    {
        var reports = await db.ProblemReports.AsNoTracking().Where(r => r.ClosedUtc == null)
            .Join(db.QuestionVersions, r => r.QuestionVersionId, v => v.Id, (r, v) => new { Report = r, v.Number, v.SourcePath, v.SourceLine, v.Stem })
            .OrderBy(x => x.Report.CreatedUtc)
            .ToListAsync(ct);
        var current = await db.Questions.AsNoTracking().Where(q => reports.Select(r => r.Report.QuestionId).Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.CurrentVersion, ct);
        return [.. reports.GroupBy(r => r.Report.QuestionVersionId).Select(g =>
        {
            var first = g.First();
            return new ReportedVersion(
                first.Report.QuestionId, g.Key, first.Number, current.GetValueOrDefault(first.Report.QuestionId), first.SourcePath, first.SourceLine, first.Stem,
                [.. g.Select(x => new ReportLine(x.Report.Id, x.Report.Text, x.Report.CreatedUtc))]);
        }).OrderByDescending(v => v.Reports.Count).ThenBy(v => v.Reports[0].CreatedUtc)];
    }

    public async Task<IReadOnlyList<ProblemReport>> RecentlyClosedAsync(int count, CancellationToken ct) =>
        await db.ProblemReports.AsNoTracking().Where(r => r.ClosedUtc != null).OrderByDescending(r => r.ClosedUtc).Take(count).ToListAsync(ct);

    /// <summary>Closes every open report on one question version, with the author's note on what was done.</summary>
    public async Task<int> CloseAsync(long questionVersionId, string authorId, string? resolution, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var note = string.IsNullOrWhiteSpace(resolution) ? null : resolution.Trim() is { Length: > 1000 } text ? text[..1000] : resolution.Trim();
        return await db.ProblemReports.Where(r => r.QuestionVersionId == questionVersionId && r.ClosedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClosedUtc, now).SetProperty(r => r.ClosedByUserId, authorId).SetProperty(r => r.Resolution, note), ct);
    }

    public async Task<int> OpenCountAsync(CancellationToken ct) => await db.ProblemReports.CountAsync(r => r.ClosedUtc == null, ct);
}

public sealed record ReportLine(long Id, string Text, DateTime CreatedUtc);

public sealed record ReportedVersion(
    string QuestionId,
    long VersionId,
    int VersionNumber,
    int CurrentVersion,
    string SourcePath,
    int SourceLine,
    string Stem,
    IReadOnlyList<ReportLine> Reports)
{
    public bool IsOutdated => VersionNumber != CurrentVersion;
}

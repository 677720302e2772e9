using CertPrep.Content.Model;
using CertPrep.Content.Rendering;
using CertPrep.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Library;

/// <summary>What the author pages show: content health, blueprint coverage, and question previews.</summary>
public sealed class AuthorQueries(CertPrepDbContext db, LibraryQueries library)
{
    public async Task<ContentHealth> HealthAsync(CancellationToken ct)
    {
        var last = await db.ContentImports.AsNoTracking().OrderByDescending(i => i.StartedUtc).ThenByDescending(i => i.Id).FirstOrDefaultAsync(ct);
        var problems = last is null ? [] : await db.ContentProblems.AsNoTracking().Where(p => p.ImportId == last.Id)
            .OrderByDescending(p => p.IsError).ThenBy(p => p.Path).ThenBy(p => p.Line).ThenBy(p => p.Column).ToListAsync(ct);
        var recent = await db.ContentImports.AsNoTracking().OrderByDescending(i => i.StartedUtc).ThenByDescending(i => i.Id).Take(10).ToListAsync(ct);
        return new ContentHealth(last, problems, recent);
    }

    public async Task<IReadOnlyList<CredentialCoverage>> CoverageAsync(CancellationToken ct)
    {
        var credentials = await db.Credentials.AsNoTracking().Where(c => !c.IsRetired).OrderBy(c => c.Id).ToListAsync(ct);
        var mapping = await db.QuestionDomains.AsNoTracking()
            .Join(db.Questions.Where(q => !q.IsRetired), d => d.QuestionId, q => q.Id, (d, q) => new { d.CredentialId, d.DomainId, q.Id, q.CurrentVersion })
            .Join(db.QuestionVersions, x => new { QuestionId = x.Id, Number = x.CurrentVersion }, v => new { v.QuestionId, v.Number }, (x, v) => new { x.CredentialId, x.DomainId, v.Type, v.Difficulty })
            .ToListAsync(ct);
        var modules = await db.Modules.AsNoTracking().Where(m => !m.IsRetired).Select(m => new { m.CredentialId, m.MetadataJson }).ToListAsync(ct);
        var result = new List<CredentialCoverage>();
        foreach (var record in credentials)
        {
            var credential = LibraryJson.Read<Credential>(record.DefinitionJson);
            var scored = credential.DefaultForm.ScoredItems.Value;
            var mine = mapping.Where(m => m.CredentialId == credential.Id).ToList();
            var rows = credential.Domains.Select(d =>
            {
                var here = mine.Where(m => m.DomainId == d.Id).ToList();
                return new DomainCoverage(
                    d.Id, d.Name, d.Weight.Fraction(scored), d.Weight.Confirmed, here.Count,
                    mine.Count == 0 ? 0 : (double)here.Count / mine.Count,
                    here.GroupBy(h => h.Type).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
                    here.GroupBy(h => h.Difficulty).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
                    modules.Count(m => m.CredentialId == credential.Id && LibraryJson.Read<ModuleMetadata>(m.MetadataJson).Domains.Contains(d.Id)));
            }).ToList();
            result.Add(new CredentialCoverage(credential.Id, credential.Name, mine.Count, rows));
        }

        return result;
    }

    public async Task<QuestionPreview?> PreviewAsync(string id, int? version, CancellationToken ct)
    {
        var item = await db.Questions.AsNoTracking().Include(q => q.Domains).SingleOrDefaultAsync(q => q.Id == id, ct);
        if (item is null)
        {
            return null;
        }

        var number = version ?? item.CurrentVersion;
        var v = await db.QuestionVersions.AsNoTracking().SingleOrDefaultAsync(x => x.QuestionId == id && x.Number == number, ct);
        if (v is null)
        {
            return null;
        }

        var versions = await db.QuestionVersions.AsNoTracking().Where(x => x.QuestionId == id).OrderBy(x => x.Number).Select(x => new { x.Number, x.CreatedUtc }).ToListAsync(ct);
        var body = LibraryJson.Read<QuestionBody>(v.BodyJson);
        var options = await library.RenderOptionsAsync(v.SourcePath, ct, linkGlossary: false);
        string Html(string markdown) => ContentMarkdown.ToHtml(markdown, options);
        var caseStem = v.CaseId is null ? null : await db.CaseSets.AsNoTracking().Where(c => c.Id == v.CaseId).Select(c => c.Stem).SingleOrDefaultAsync(ct);
        var draws = body.Calculation is { } calculation
            ? Enumerable.Range(1, 3).Select(seed => CalculatedVariant.Draw(v.Stem, calculation, seed)).Select(d => new DrawPreview(Html(d.Stem), d.Values, d.Shown)).ToList()
            : [];
        return new QuestionPreview(
            id, v.Number, [.. versions.Select(x => (x.Number, x.CreatedUtc))], item.IsRetired, v.Type, v.Topic, v.Bloom, v.Difficulty, v.Source,
            [.. item.Domains.Select(d => $"{d.CredentialId}/{d.DomainId}")],
            caseStem is null ? null : Html(caseStem), Html(v.Stem),
            [.. body.Options.Select(o => new OptionPreview(Html(o.Text), o.IsKey, o.Pinned, Html(o.Rationale)))],
            body.Answer, body.Calculation, draws, Html(v.Explanation), $"{v.SourcePath}:{v.SourceLine}");
    }

    public async Task<IReadOnlyList<QuestionListItem>> QuestionsAsync(string? search, CancellationToken ct)
    {
        var query = db.Questions.AsNoTracking()
            .Join(db.QuestionVersions, q => new { QuestionId = q.Id, Number = q.CurrentVersion }, v => new { v.QuestionId, v.Number }, (q, v) => new { q.Id, q.IsRetired, v.Number, v.Type, v.Topic, v.Difficulty, v.SourcePath });
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            query = query.Where(x => x.Id.Contains(s) || x.Topic.Contains(s));
        }

        return [.. (await query.OrderBy(x => x.Id).Take(500).ToListAsync(ct)).Select(x => new QuestionListItem(x.Id, x.Number, x.Type, x.Topic, x.Difficulty, x.SourcePath, x.IsRetired))];
    }
}

public sealed record ContentHealth(ContentImport? Last, IReadOnlyList<ContentProblem> Problems, IReadOnlyList<ContentImport> Recent);

public sealed record CredentialCoverage(string Id, string Name, int Questions, IReadOnlyList<DomainCoverage> Domains);

public sealed record DomainCoverage(
    string Id,
    string Name,
    double BlueprintShare,
    bool WeightConfirmed,
    int Questions,
    double QuestionShare,
    IReadOnlyDictionary<string, int> ByType,
    IReadOnlyDictionary<string, int> ByDifficulty,
    int Modules);

public sealed record QuestionPreview(
    string Id,
    int Version,
    IReadOnlyList<(int Number, DateTime CreatedUtc)> Versions,
    bool IsRetired,
    string Type,
    string Topic,
    string Bloom,
    string Difficulty,
    string? Source,
    IReadOnlyList<string> Domains,
    string? CaseHtml,
    string StemHtml,
    IReadOnlyList<OptionPreview> Options,
    NumericAnswer? Answer,
    Calculation? Calculation,
    IReadOnlyList<DrawPreview> Draws,
    string ExplanationHtml,
    string Location);

public sealed record OptionPreview(string Html, bool IsKey, bool Pinned, string RationaleHtml);

public sealed record DrawPreview(string StemHtml, IReadOnlyDictionary<string, double> Values, string Answer);

public sealed record QuestionListItem(string Id, int Version, string Type, string Topic, string Difficulty, string SourcePath, bool IsRetired);

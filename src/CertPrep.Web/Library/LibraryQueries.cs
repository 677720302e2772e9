using CertPrep.Content.Model;
using CertPrep.Content.Rendering;
using CertPrep.Content.Validation;
using CertPrep.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Library;

/// <summary>What the study and author pages read from the imported content, projected to what they show.</summary>
public sealed class LibraryQueries(CertPrepDbContext db, ContentRenderCache rendered)
{
    public async Task<IReadOnlyList<CredentialSummary>> CatalogAsync(CancellationToken ct)
    {
        var credentials = await db.Credentials.AsNoTracking().Where(c => !c.IsRetired).OrderBy(c => c.Name).ToListAsync(ct);
        var modules = await db.Modules.AsNoTracking().Where(m => !m.IsRetired).GroupBy(m => m.CredentialId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var questions = await QuestionCountsAsync(ct);
        return [.. credentials.Select(c =>
        {
            var definition = LibraryJson.Read<Credential>(c.DefinitionJson);
            return new CredentialSummary(c.Id, c.Name, c.Issuer, definition.Domains.Count, modules.GetValueOrDefault(c.Id), questions.Where(q => q.Key.Credential == c.Id).Sum(q => q.Value));
        })];
    }

    public async Task<CredentialPage?> CredentialAsync(string id, CancellationToken ct)
    {
        var record = await db.Credentials.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && !c.IsRetired, ct);
        if (record is null)
        {
            return null;
        }

        var modules = await db.Modules.AsNoTracking().Where(m => m.CredentialId == id && !m.IsRetired).OrderBy(m => m.Order)
            .Select(m => new { m.Id, m.Title, m.Summary, m.ReadingMinutes, m.MetadataJson }).ToListAsync(ct);
        var counts = await QuestionCountsAsync(ct);
        return new CredentialPage(
            LibraryJson.Read<Credential>(record.DefinitionJson),
            [.. modules.Select(m => new ModuleSummary(m.Id, m.Title, m.Summary, m.ReadingMinutes, LibraryJson.Read<ModuleMetadata>(m.MetadataJson).Domains))],
            counts.Where(c => c.Key.Credential == id).ToDictionary(c => c.Key.Domain, c => c.Value, StringComparer.Ordinal));
    }

    public async Task<ModulePage?> ModuleAsync(string id, string? userId, CancellationToken ct)
    {
        var module = await db.Modules.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && !m.IsRetired, ct);
        if (module is null)
        {
            return null;
        }

        var credential = await db.Credentials.AsNoTracking().Where(c => c.Id == module.CredentialId).Select(c => new { c.Id, c.Name }).SingleOrDefaultAsync(ct);
        var siblings = await db.Modules.AsNoTracking().Where(m => m.CredentialId == module.CredentialId && !m.IsRetired).OrderBy(m => m.Order)
            .Select(m => new ModuleLink(m.Id, m.Title)).ToListAsync(ct);
        var index = siblings.FindIndex(s => s.Id == id);
        var metadata = LibraryJson.Read<ModuleMetadata>(module.MetadataJson);
        var keyTerms = await db.GlossaryTerms.AsNoTracking().Where(t => metadata.KeyTerms.Contains(t.Id) && !t.IsRetired).Select(t => new ModuleLink(t.Id, t.Term)).ToListAsync(ct);
        var read = userId is not null && await db.ModuleReads.AnyAsync(r => r.UserId == userId && r.ModuleId == id, ct);
        var snapshot = await rendered.CurrentAsync(db, ct);
        var html = snapshot.ModuleHtml(module.Id, module.ContentHash, () => ContentMarkdown.ToHtml(module.Markdown, Renderer(snapshot.Links, linkGlossary: true)(module.SourcePath)));
        return new ModulePage(
            module.Id, module.Title, module.Summary, module.ReadingMinutes, credential?.Id ?? module.CredentialId, credential?.Name ?? module.CredentialId,
            metadata.Objectives, metadata.Sections.Where(s => s.Level <= 3).ToList(), keyTerms, html,
            index > 0 ? siblings[index - 1] : null, index >= 0 && index < siblings.Count - 1 ? siblings[index + 1] : null, read);
    }

    public async Task<IReadOnlyList<GlossaryEntry>> GlossaryAsync(string? search, string? credential, CancellationToken ct)
    {
        var snapshot = await rendered.CurrentAsync(db, ct);
        var terms = await snapshot.GlossaryAsync(() => RenderGlossaryAsync(snapshot, ct));
        var query = search?.Trim();
        return [.. terms
            .Where(t => string.IsNullOrEmpty(credential) || t.Entry.Credentials.Contains(credential))
            .Where(t => string.IsNullOrEmpty(query)
                || t.Entry.Term.Contains(query, StringComparison.OrdinalIgnoreCase)
                || t.Entry.Aliases.Any(a => a.Contains(query, StringComparison.OrdinalIgnoreCase))
                || t.Definition.Contains(query, StringComparison.OrdinalIgnoreCase))
            .Select(t => t.Entry)];
    }

    private async Task<IReadOnlyList<RenderedTerm>> RenderGlossaryAsync(ContentRenderCache.Snapshot snapshot, CancellationToken ct)
    {
        var terms = await db.GlossaryTerms.AsNoTracking().Where(t => !t.IsRetired).OrderBy(t => t.Term).ToListAsync(ct);
        var options = Renderer(snapshot.Links, linkGlossary: false)("glossary/terms.md");
        return [.. terms
            .Select(t => (Record: t, Meta: LibraryJson.Read<TermMetadata>(t.MetadataJson)))
            .Select(t => new RenderedTerm(new GlossaryEntry(t.Record.Id, t.Record.Term, ContentMarkdown.ToHtml(t.Record.Definition, options), t.Meta.Aliases, t.Meta.Related, t.Meta.Credentials), t.Record.Definition))];
    }

    /// <summary>Every credential's definition (forms, domains, weights), by id.</summary>
    public async Task<IReadOnlyDictionary<string, Credential>> DefinitionsAsync(CancellationToken ct) =>
        (await db.Credentials.AsNoTracking().Where(c => !c.IsRetired).Select(c => new { c.Id, c.DefinitionJson }).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => LibraryJson.Read<Credential>(c.DefinitionJson), StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>> CredentialIdsAsync(CancellationToken ct) =>
        await db.Credentials.AsNoTracking().Where(c => !c.IsRetired).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);

    /// <summary>Rendering for content written in <paramref name="sourcePath"/>: its relative links become site URLs, glossary terms are linked.</summary>
    public async Task<RenderOptions> RenderOptionsAsync(string sourcePath, CancellationToken ct, bool linkGlossary = true) =>
        (await RendererAsync(ct, linkGlossary))(sourcePath);

    /// <summary>
    /// Loads what link resolution needs once and returns rendering options per source file, for pages that render
    /// content from many files (a quiz review, an exam report).
    /// </summary>
    public async Task<Func<string, RenderOptions>> RendererAsync(CancellationToken ct, bool linkGlossary = true) =>
        Renderer((await rendered.CurrentAsync(db, ct)).Links, linkGlossary);

    private static Func<string, RenderOptions> Renderer(LinkTargets targets, bool linkGlossary) =>
        sourcePath => new RenderOptions(
            url => ContentLinks.Resolve(sourcePath, url) switch
            {
                { Kind: LinkTargetKind.Module } target when targets.ModulesByPath.TryGetValue(target.Path, out var moduleId) =>
                    $"/Modules/{moduleId}{(target.Anchor is null ? "" : "#" + target.Anchor)}",
                { Kind: LinkTargetKind.GlossaryTerm, Anchor: { } anchor } => $"/Glossary#{anchor}",
                { Kind: LinkTargetKind.File } target => $"{ContentFiles.RequestPath}/{target.Path}",
                _ => null,
            },
            linkGlossary ? targets.Glossary : null,
            ShiftHeadings: 0);

    private async Task<Dictionary<(string Credential, string Domain), int>> QuestionCountsAsync(CancellationToken ct) =>
        await db.QuestionDomains.AsNoTracking()
            .Join(db.Questions.Where(q => !q.IsRetired), d => d.QuestionId, q => q.Id, (d, _) => d)
            .GroupBy(d => new { d.CredentialId, d.DomainId })
            .Select(g => new { g.Key.CredentialId, g.Key.DomainId, Count = g.Count() })
            .ToDictionaryAsync(x => (x.CredentialId, x.DomainId), x => x.Count, ct);
}

public sealed record CredentialSummary(string Id, string Name, string Issuer, int Domains, int Modules, int Questions);

public sealed record CredentialPage(Credential Credential, IReadOnlyList<ModuleSummary> Modules, IReadOnlyDictionary<string, int> QuestionsByDomain);

public sealed record ModuleSummary(string Id, string Title, string? Summary, int ReadingMinutes, IReadOnlyList<string> Domains);

public sealed record ModuleLink(string Id, string Title);

public sealed record ModulePage(
    string Id,
    string Title,
    string? Summary,
    int ReadingMinutes,
    string CredentialId,
    string CredentialName,
    IReadOnlyList<string> Objectives,
    IReadOnlyList<ModuleSection> Contents,
    IReadOnlyList<ModuleLink> KeyTerms,
    string Html,
    ModuleLink? Previous,
    ModuleLink? Next,
    bool IsRead);

public sealed record GlossaryEntry(string Id, string Term, string DefinitionHtml, IReadOnlyList<string> Aliases, IReadOnlyList<string> Related, IReadOnlyList<string> Credentials);

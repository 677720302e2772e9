using CertPrep.Content.Rendering;
using CertPrep.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Library;

/// <summary>What rendering content needs to turn its links into site addresses: module ids by source file, and the glossary.</summary>
public sealed record LinkTargets(IReadOnlyDictionary<string, string> ModulesByPath, GlossaryIndex Glossary);

/// <summary>
/// The <see cref="LinkTargets"/> of the current content import, built once per import and shared by every request on
/// this node. Building them (the glossary's matcher above all) costs far more than rendering a page; each request
/// only asks the database for the latest import's id, so an import by any node is picked up by the next request.
/// </summary>
public sealed class LinkTargetsCache
{
    private Snapshot? _current;

    public async Task<LinkTargets> GetAsync(CertPrepDbContext db, CancellationToken ct)
    {
        var import = await db.ContentImports.MaxAsync(i => (long?)i.Id, ct) ?? 0;
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Import == import)
        {
            return current.Targets;
        }

        var targets = await BuildAsync(db, ct);
        Volatile.Write(ref _current, new Snapshot(import, targets));
        return targets;
    }

    private static async Task<LinkTargets> BuildAsync(CertPrepDbContext db, CancellationToken ct)
    {
        var modules = await db.Modules.AsNoTracking().Where(m => !m.IsRetired).Select(m => new { m.SourcePath, m.Id }).ToDictionaryAsync(m => m.SourcePath, m => m.Id, ct);
        var terms = await db.GlossaryTerms.AsNoTracking().Where(t => !t.IsRetired).Select(t => new { t.Id, t.Term, t.MetadataJson }).ToListAsync(ct);
        var glossary = new GlossaryIndex(terms.Select(t => (t.Id, (IEnumerable<string>)[t.Term, .. LibraryJson.Read<TermMetadata>(t.MetadataJson).Aliases], $"/Glossary#{t.Id}")));
        return new LinkTargets(modules, glossary);
    }

    private sealed record Snapshot(long Import, LinkTargets Targets);
}

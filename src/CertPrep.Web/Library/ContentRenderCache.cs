using System.Collections.Concurrent;
using CertPrep.Content.Rendering;
using CertPrep.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Library;

/// <summary>What rendering content needs to turn its links into site addresses: module ids by source file, and the glossary.</summary>
public sealed record LinkTargets(IReadOnlyDictionary<string, string> ModulesByPath, GlossaryIndex Glossary);

/// <summary>A glossary entry as shown, with its definition's markdown (searched by the glossary page).</summary>
public sealed record RenderedTerm(GlossaryEntry Entry, string Definition);

/// <summary>
/// Content rendered once per content import and shared by every request on this node: the link targets (building the
/// glossary's index costs more than rendering a page), each module's HTML and the glossary's entries (rendering the
/// whole glossary allocated about 6 MB per request). Each request only asks the database for the latest import's id,
/// so an import by any node is picked up by the next request.
/// </summary>
public sealed class ContentRenderCache
{
    private Snapshot? _current;

    public async Task<Snapshot> CurrentAsync(CertPrepDbContext db, CancellationToken ct)
    {
        var import = await db.ContentImports.MaxAsync(i => (long?)i.Id, ct) ?? 0;
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Import == import)
        {
            return current;
        }

        var snapshot = new Snapshot(import, await BuildLinksAsync(db, ct));
        Volatile.Write(ref _current, snapshot);
        return snapshot;
    }

    private static async Task<LinkTargets> BuildLinksAsync(CertPrepDbContext db, CancellationToken ct)
    {
        var modules = await db.Modules.AsNoTracking().Where(m => !m.IsRetired).Select(m => new { m.SourcePath, m.Id }).ToDictionaryAsync(m => m.SourcePath, m => m.Id, ct);
        var terms = await db.GlossaryTerms.AsNoTracking().Where(t => !t.IsRetired).Select(t => new { t.Id, t.Term, t.MetadataJson }).ToListAsync(ct);
        var glossary = new GlossaryIndex(terms.Select(t => (t.Id, (IEnumerable<string>)[t.Term, .. LibraryJson.Read<TermMetadata>(t.MetadataJson).Aliases], $"/Glossary#{t.Id}")));
        return new LinkTargets(modules, glossary);
    }

    /// <summary>One import's rendered content.</summary>
    public sealed class Snapshot(long import, LinkTargets links)
    {
        private readonly ConcurrentDictionary<(string Id, string Hash), string> _modules = new();
        private IReadOnlyList<RenderedTerm>? _glossary;

        public long Import => import;

        public LinkTargets Links => links;

        /// <summary>A module's HTML, rendered the first time it is asked for (keyed by its content, so a module newer than this snapshot is never served stale).</summary>
        public string ModuleHtml(string id, string contentHash, Func<string> render) => _modules.GetOrAdd((id, contentHash), _ => render());

        /// <summary>Every glossary entry, rendered the first time they are asked for.</summary>
        public async Task<IReadOnlyList<RenderedTerm>> GlossaryAsync(Func<Task<IReadOnlyList<RenderedTerm>>> render) =>
            Volatile.Read(ref _glossary) ?? (_glossary = await render());
    }
}

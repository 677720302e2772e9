using CertPrep.Content;
using CertPrep.Content.Diagnostics;
using CertPrep.Content.Files;
using CertPrep.Content.Model;
using CertPrep.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Library;

/// <summary>
/// Brings the database in line with the content folder, in one transaction: new items are added, an edited question
/// becomes a new version (answers keep the version they answered), items removed from the files are retired (never
/// deleted), and anything from a file with errors keeps its last good import. Running it twice changes nothing.
/// </summary>
public sealed partial class ContentImporter(CertPrepDbContext db, ContentInventory content, ContentParseCache cache, TimeProvider time, ILogger<ContentImporter> logger)
{
    public async Task<ContentImport> ImportAsync(string trigger, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow().UtcDateTime;
        var library = ContentLoader.Load(content.Files, cache); // parsing needs no transaction; unchanged files come from the cache
        var strategy = db.Database.CreateExecutionStrategy();
        var import = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.LockForTransactionAsync(ClusterLocks.ContentImport, ct); // nodes starting together import one after the other
            var result = await ApplyAsync(library, trigger, started, ct);
            await transaction.CommitAsync(ct);
            cache.Synced = true;
            cache.LastRejected = library.RejectedFiles;
            return result;
        }, cancellationToken);
        LogImported(logger, trigger, import.Added, import.NewVersions, import.Retired, import.Errors, import.Warnings, import.RejectedFiles);
        return import;
    }

    private async Task<ContentImport> ApplyAsync(ContentLibrary library, string trigger, DateTime started, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rejected = library.RejectedFiles;
        var import = new ContentImport
        {
            Trigger = trigger,
            StartedUtc = started,
            Files = library.Files,
            RejectedFiles = rejected.Count,
            Errors = library.Diagnostics.Count(d => d.Severity == Severity.Error),
            Warnings = library.Diagnostics.Count(d => d.Severity == Severity.Warning),
        };
        import.Problems.AddRange(library.Diagnostics.Select(d => new ContentProblem
        {
            Path = d.Path,
            Line = d.Line,
            Column = d.Column,
            IsError = d.Severity == Severity.Error,
            Code = d.Code,
            Message = d.Message.Length > 2000 ? d.Message[..2000] : d.Message,
        }));

        var counts = new Counts();
        await SyncCredentialsAsync(library, rejected, now, counts, ct);
        await SyncModulesAsync(library, rejected, now, counts, ct);
        await SyncTermsAsync(library, rejected, now, counts, ct);
        await SyncCasesAsync(library, rejected, counts, ct);
        await SyncQuestionsAsync(library, rejected, now, counts, ct);

        import.Added = counts.Added;
        import.NewVersions = counts.NewVersions;
        import.Retired = counts.Retired;
        import.Unchanged = counts.Unchanged;
        import.FinishedUtc = time.GetUtcNow().UtcDateTime;
        db.ContentImports.Add(import);
        await db.SaveChangesAsync(ct);
        return import;
    }

    private sealed class Counts
    {
        public int Added { get; set; }

        public int NewVersions { get; set; }

        public int Retired { get; set; }

        public int Unchanged { get; set; }
    }

    private async Task SyncCredentialsAsync(ContentLibrary library, IReadOnlySet<string> rejected, DateTime now, Counts counts, CancellationToken ct)
    {
        var stored = await db.Credentials.ToDictionaryAsync(c => c.Id, ct);
        foreach (var credential in library.Credentials)
        {
            var json = LibraryJson.Write(credential with { Location = default });
            var hash = LibraryJson.Hash(json);
            if (!stored.Remove(credential.Id, out var record))
            {
                db.Credentials.Add(new CredentialRecord { Id = credential.Id, Name = credential.Name, Issuer = credential.Issuer, DefinitionJson = json, ContentHash = hash, ImportedUtc = now });
                counts.Added++;
            }
            else if (record.ContentHash != hash || record.IsRetired)
            {
                (record.Name, record.Issuer, record.DefinitionJson, record.ContentHash, record.IsRetired, record.ImportedUtc) = (credential.Name, credential.Issuer, json, hash, false, now);
                counts.NewVersions++;
            }
            else
            {
                counts.Unchanged++;
            }
        }

        foreach (var record in stored.Values.Where(r => !r.IsRetired && !rejected.Contains($"{r.Id}/credential.yml")))
        {
            record.IsRetired = true;
            counts.Retired++;
        }
    }

    private async Task SyncModulesAsync(ContentLibrary library, IReadOnlySet<string> rejected, DateTime now, Counts counts, CancellationToken ct)
    {
        var stored = await db.Modules.ToDictionaryAsync(m => m.Id, ct);
        foreach (var module in library.Modules)
        {
            var metadata = LibraryJson.Write(new ModuleMetadata(module.Domains, module.Objectives, module.KeyTerms, module.Requires, module.Sections));
            var hash = LibraryJson.Hash($"{module.Credential}\u001f{module.Title}\u001f{module.Summary}\u001f{module.Order}\u001f{module.ReadingMinutes}\u001f{metadata}\u001f{module.Markdown}\u001f{module.Location.Path}");
            if (!stored.Remove(module.Id, out var record))
            {
                record = new ModuleRecord { Id = module.Id, CredentialId = module.Credential, Title = module.Title, MetadataJson = metadata, Markdown = module.Markdown, SourcePath = module.Location.Path, ContentHash = hash };
                db.Modules.Add(record);
                counts.Added++;
            }
            else if (record.ContentHash == hash && !record.IsRetired)
            {
                counts.Unchanged++;
                continue;
            }
            else
            {
                counts.NewVersions++;
            }

            (record.CredentialId, record.Title, record.Summary, record.Order, record.ReadingMinutes) = (module.Credential, module.Title, module.Summary, module.Order, module.ReadingMinutes);
            (record.MetadataJson, record.Markdown, record.SourcePath, record.ContentHash, record.IsRetired, record.ImportedUtc) = (metadata, module.Markdown, module.Location.Path, hash, false, now);
        }

        foreach (var record in stored.Values.Where(r => !r.IsRetired && !rejected.Contains(r.SourcePath)))
        {
            record.IsRetired = true;
            counts.Retired++;
        }
    }

    private async Task SyncTermsAsync(ContentLibrary library, IReadOnlySet<string> rejected, DateTime now, Counts counts, CancellationToken ct)
    {
        var stored = await db.GlossaryTerms.ToDictionaryAsync(t => t.Id, ct);
        foreach (var term in library.Terms)
        {
            var metadata = LibraryJson.Write(new TermMetadata(term.Aliases, term.Related, term.Credentials));
            var hash = LibraryJson.Hash($"{term.Term}\u001f{term.Definition}\u001f{metadata}\u001f{term.Location.Path}");
            if (!stored.Remove(term.Id, out var record))
            {
                db.GlossaryTerms.Add(new GlossaryTermRecord { Id = term.Id, Term = term.Term, Definition = term.Definition, MetadataJson = metadata, SourcePath = term.Location.Path, ContentHash = hash, ImportedUtc = now });
                counts.Added++;
            }
            else if (record.ContentHash != hash || record.IsRetired)
            {
                (record.Term, record.Definition, record.MetadataJson, record.SourcePath, record.ContentHash, record.IsRetired, record.ImportedUtc) = (term.Term, term.Definition, metadata, term.Location.Path, hash, false, now);
                counts.NewVersions++;
            }
            else
            {
                counts.Unchanged++;
            }
        }

        foreach (var record in stored.Values.Where(r => !r.IsRetired && !rejected.Contains(r.SourcePath)))
        {
            record.IsRetired = true;
            counts.Retired++;
        }
    }

    private async Task SyncCasesAsync(ContentLibrary library, IReadOnlySet<string> rejected, Counts counts, CancellationToken ct)
    {
        var stored = await db.CaseSets.ToDictionaryAsync(c => c.Id, ct);
        foreach (var caseSet in library.Cases)
        {
            var hash = LibraryJson.Hash($"{caseSet.Title}\u001f{caseSet.Stem}");
            if (!stored.Remove(caseSet.Id, out var record))
            {
                db.CaseSets.Add(new CaseSetRecord { Id = caseSet.Id, Title = caseSet.Title, Stem = caseSet.Stem, SourcePath = caseSet.Location.Path, ContentHash = hash });
                counts.Added++;
            }
            else if (record.ContentHash != hash || record.IsRetired || record.SourcePath != caseSet.Location.Path)
            {
                (record.Title, record.Stem, record.SourcePath, record.ContentHash, record.IsRetired) = (caseSet.Title, caseSet.Stem, caseSet.Location.Path, hash, false);
                counts.NewVersions++;
            }
            else
            {
                counts.Unchanged++;
            }
        }

        foreach (var record in stored.Values.Where(r => !r.IsRetired && !rejected.Contains(r.SourcePath)))
        {
            record.IsRetired = true;
            counts.Retired++;
        }
    }

    private async Task SyncQuestionsAsync(ContentLibrary library, IReadOnlySet<string> rejected, DateTime now, Counts counts, CancellationToken ct)
    {
        // After the first import in this process only files whose bytes changed need work: questions in unchanged files
        // are unchanged (same bytes, same hashes) and were synced by an earlier import.
        // Files rejected last time or now count as changed too: a fix elsewhere (a module a question links to) can
        // make an unchanged file importable.
        var changed = LastSynced && library.ChangedFiles is { } files
            ? files.Concat(cache.LastRejected).Concat(rejected).ToHashSet(StringComparer.Ordinal)
            : null;
        var questions = changed is null ? library.Questions : library.Questions.Where(q => changed.Contains(q.Location.Path)).ToList();
        counts.Unchanged += library.Questions.Count - questions.Count;
        var ids = questions.Select(q => q.Id).ToList();
        var versionRows = changed is null
            ? db.QuestionVersions
            : db.QuestionVersions.Where(v => ids.Contains(v.QuestionId) || changed.Contains(v.SourcePath));
        var versions = (await versionRows
                .Select(v => new { v.QuestionId, v.Number, v.ContentHash, v.SourcePath })
                .ToListAsync(ct))
            .GroupBy(v => v.QuestionId)
            .ToDictionary(g => g.Key, g => g.ToList());
        var touched = versions.Keys.ToList(); // in a changed file now, or before the change
        var itemRows = changed is null ? db.Questions : db.Questions.Where(q => ids.Contains(q.Id) || touched.Contains(q.Id));
        var items = await itemRows.Include(q => q.Domains).ToDictionaryAsync(q => q.Id, ct);

        foreach (var question in questions)
        {
            var known = versions.GetValueOrDefault(question.Id) ?? [];
            if (!items.Remove(question.Id, out var item))
            {
                item = new QuestionItem { Id = question.Id, FirstImportedUtc = now };
                db.Questions.Add(item);
                counts.Added++;
            }

            var same = known.FirstOrDefault(v => v.ContentHash == question.ContentHash);
            if (same is null)
            {
                var number = known.Count == 0 ? 1 : known.Max(v => v.Number) + 1;
                db.QuestionVersions.Add(NewVersion(question, number, now));
                if (known.Count > 0)
                {
                    counts.NewVersions++;
                }

                item.CurrentVersion = number;
            }
            else if (item.CurrentVersion != same.Number || item.IsRetired)
            {
                item.CurrentVersion = same.Number; // edited back to an earlier text: that version serves again
                counts.NewVersions++;
            }
            else
            {
                counts.Unchanged++;
            }

            item.IsRetired = false;
            SyncDomains(item, question);
        }

        foreach (var item in items.Values.Where(i => !i.IsRetired))
        {
            var source = versions.GetValueOrDefault(item.Id)?.FirstOrDefault(v => v.Number == item.CurrentVersion)?.SourcePath;
            if (source is null || !rejected.Contains(source))
            {
                item.IsRetired = true;
                counts.Retired++;
            }
        }
    }

    private bool LastSynced => cache.Synced;

    private static void SyncDomains(QuestionItem item, Question question)
    {
        var wanted = question.Domains.Select(d => (d.Credential, d.Domain)).ToHashSet();
        item.Domains.RemoveAll(d => !wanted.Contains((d.CredentialId, d.DomainId)));
        foreach (var (credential, domain) in wanted.Where(w => !item.Domains.Exists(d => d.CredentialId == w.Credential && d.DomainId == w.Domain)))
        {
            item.Domains.Add(new QuestionDomain { QuestionId = item.Id, CredentialId = credential, DomainId = domain });
        }
    }

    private static QuestionVersion NewVersion(Question question, int number, DateTime now) => new()
    {
        QuestionId = question.Id,
        Number = number,
        ContentHash = question.ContentHash,
        Type = question.Type.ToString(),
        Topic = question.Topic,
        Bloom = question.Bloom.ToString(),
        Difficulty = question.Difficulty.ToString(),
        Source = question.Source,
        CaseId = question.CaseId,
        Stem = question.Stem,
        BodyJson = LibraryJson.Write(new QuestionBody(question.Options.Select(o => o with { Location = default }).ToList(), question.Answer, question.Calculation)),
        Explanation = question.Explanation,
        SourcePath = question.Location.Path,
        SourceLine = question.Location.Line,
        CreatedUtc = now,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Content import ({Trigger}): {Added} added, {NewVersions} changed, {Retired} retired; {Errors} errors and {Warnings} warnings; {Rejected} files kept their last good import")]
    private static partial void LogImported(ILogger logger, string trigger, int added, int newVersions, int retired, int errors, int warnings, int rejected);
}

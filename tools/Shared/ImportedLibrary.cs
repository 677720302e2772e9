using CertPrep.Domain.Exams;
using CertPrep.Web.Data;
using CertPrep.Web.Exams;
using CertPrep.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Tools;

/// <summary>An imported credential as the data generators use it.</summary>
internal sealed record LibraryCredential(string Id, IReadOnlyList<string> Domains, IReadOnlyList<string> Modules, IReadOnlyList<LibraryQuestion> Questions, string FormId, int FormItems, int FormMinutes, string HalfExamSettingsJson);

/// <summary>A live question version and the domain an answer to it is filed under.</summary>
internal sealed record LibraryQuestion(string QuestionId, long VersionId, string DomainId);

/// <summary>Reads the imported content back for the tools that generate learners' history into a database.</summary>
internal static class ImportedLibrary
{
    /// <summary>Every live credential with modules and questions, its default exam form, modules and question versions.</summary>
    public static async Task<List<LibraryCredential>> LoadAsync(DbContextOptions<CertPrepDbContext> options)
    {
        await using var db = new CertPrepDbContext(options);
        var credentials = await db.Credentials.AsNoTracking().Where(c => !c.IsRetired).OrderBy(c => c.Id).ToListAsync();
        var modules = (await db.Modules.AsNoTracking().Where(m => !m.IsRetired).OrderBy(m => m.Order).Select(m => new { m.Id, m.CredentialId }).ToListAsync())
            .ToLookup(m => m.CredentialId, m => m.Id, StringComparer.Ordinal);
        var questions = (await db.Questions.AsNoTracking().Where(q => !q.IsRetired)
                .Join(db.QuestionVersions, q => new { q.Id, Number = q.CurrentVersion }, v => new { Id = v.QuestionId, v.Number }, (q, v) => new { q.Id, VersionId = v.Id })
                .Join(db.QuestionDomains, q => q.Id, d => d.QuestionId, (q, d) => new { d.CredentialId, q.Id, q.VersionId, d.DomainId })
                .OrderBy(q => q.VersionId).ThenBy(q => q.DomainId).ToListAsync())
            .ToLookup(q => q.CredentialId, q => new LibraryQuestion(q.Id, q.VersionId, q.DomainId), StringComparer.Ordinal);
        return [.. credentials.Select(c =>
        {
            var definition = LibraryJson.Read<CertPrep.Content.Model.Credential>(c.DefinitionJson);
            var form = ExamForms.FormOf(definition, null);
            // A half-length mock exam's settings as ExamService stores them (the exams page reads the domains' names).
            var half = LibraryJson.Write(new ExamSettings(form.Id, form.Name, FormLength.Half, [.. definition.Domains.Select(d => new ExamDomainPlan(d.Id, d.Name, 0, 0))], 0, 0));
            // A question tagged with several domains of one credential counts once (its first domain), as an attempt stores one.
            var pool = questions[c.Id].DistinctBy(q => q.QuestionId).ToList();
            return new LibraryCredential(c.Id, [.. definition.Domains.Select(d => d.Id)], [.. modules[c.Id]], pool, form.Id, form.Items.Value, form.Minutes.Value, half);
        }).Where(c => c.Questions.Count > 0 && c.Modules.Count > 0)];
    }
}

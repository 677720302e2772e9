using CertPrep.Content.Model;
using CertPrep.Web.Data;
using CertPrep.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Attempts;

/// <summary>The questions served for a credential now: current version, domains and difficulty.</summary>
public sealed class QuestionPool(CertPrepDbContext db)
{
    public async Task<IReadOnlyList<PoolQuestion>> ForCredentialAsync(string credentialId, CancellationToken ct)
    {
        var rows = await db.QuestionDomains.AsNoTracking()
            .Where(d => d.CredentialId == credentialId)
            .Join(db.Questions.Where(q => !q.IsRetired), d => d.QuestionId, q => q.Id, (d, q) => new { d.DomainId, q.Id, q.CurrentVersion })
            .Join(db.QuestionVersions, x => new { QuestionId = x.Id, Number = x.CurrentVersion }, v => new { v.QuestionId, v.Number }, (x, v) => new { x.Id, x.DomainId, VersionId = v.Id, v.Difficulty, v.CaseId })
            .ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var first = g.First();
            return new PoolQuestion(g.Key, first.VersionId, [.. g.Select(r => r.DomainId).Order(StringComparer.Ordinal)], Enum.Parse<Difficulty>(first.Difficulty), first.CaseId);
        })];
    }

    /// <summary>The credential's definition, or null when it is not (or no longer) in the library.</summary>
    public async Task<Credential?> CredentialAsync(string credentialId, CancellationToken ct)
    {
        var json = await db.Credentials.AsNoTracking().Where(c => c.Id == credentialId && !c.IsRetired).Select(c => c.DefinitionJson).SingleOrDefaultAsync(ct);
        return json is null ? null : LibraryJson.Read<Credential>(json);
    }
}

/// <summary>A question that can be put on a quiz or form.</summary>
public sealed record PoolQuestion(string Id, long VersionId, IReadOnlyList<string> DomainIds, Difficulty Difficulty, string? CaseId)
{
    public CertPrep.Domain.Exams.Difficulty ExamDifficulty => (CertPrep.Domain.Exams.Difficulty)(int)Difficulty;
}

/// <summary>Seeds for the items of an attempt, drawn from the attempt's seed so the whole attempt is reproducible.</summary>
public static class ItemSeeds
{
    public static int[] Draw(int attemptSeed, int count)
    {
        var random = new Random(attemptSeed);
        return [.. Enumerable.Range(0, count).Select(_ => random.Next())];
    }
}

using CertPrep.Content.Diagnostics;
using CertPrep.Content.Model;

namespace CertPrep.Authoring.Stats;

/// <summary>Questions by type.</summary>
public sealed record TypeCounts(int Single, int Multiple, int Numeric, int Calculated)
{
    public static TypeCounts Of(IReadOnlyCollection<Question> questions) => new(
        questions.Count(q => q.Type == QuestionType.Single),
        questions.Count(q => q.Type == QuestionType.Multiple),
        questions.Count(q => q.Type == QuestionType.Numeric),
        questions.Count(q => q.Type == QuestionType.Calculated));
}

/// <summary>Questions by the author's difficulty.</summary>
public sealed record DifficultyCounts(int Easy, int Medium, int Hard)
{
    public static DifficultyCounts Of(IReadOnlyCollection<Question> questions) => new(
        questions.Count(q => q.Difficulty == Difficulty.Easy),
        questions.Count(q => q.Difficulty == Difficulty.Medium),
        questions.Count(q => q.Difficulty == Difficulty.Hard));
}

/// <summary>A domain's content next to what the blueprint calls for.</summary>
/// <param name="Id">Domain id.</param>
/// <param name="Name">Domain name.</param>
/// <param name="WeightPercent">The blueprint weight, when published as a percentage.</param>
/// <param name="WeightItems">The blueprint weight, when published as a count of scored items.</param>
/// <param name="WeightConfirmed">Whether the issuing body confirms the weight.</param>
/// <param name="ExamItems">The domain's share of the default form's scored items (<c>weight.Fraction(scored) * scored</c>).</param>
/// <param name="ExamShare">The same as a fraction of the scored items (0..1).</param>
/// <param name="Questions">Questions mapped to the domain.</param>
/// <param name="QuestionShare">Their share of the credential's questions (0..1); a question in several domains counts in each.</param>
/// <param name="ByType">Questions by type.</param>
/// <param name="ByDifficulty">Questions by difficulty.</param>
/// <param name="Modules">Modules that teach the domain.</param>
public sealed record DomainStats(
    string Id,
    string Name,
    double? WeightPercent,
    int? WeightItems,
    bool WeightConfirmed,
    double ExamItems,
    double ExamShare,
    int Questions,
    double QuestionShare,
    TypeCounts ByType,
    DifficultyCounts ByDifficulty,
    int Modules);

/// <summary>A credential's content: totals and per domain.</summary>
/// <param name="Id">Credential id.</param>
/// <param name="Name">Credential name.</param>
/// <param name="Form">The default exam form's id.</param>
/// <param name="ScoredItems">Scored items on the default form.</param>
/// <param name="Questions">Questions mapped to any of its domains (each counted once).</param>
/// <param name="ByType">Questions by type.</param>
/// <param name="ByDifficulty">Questions by difficulty.</param>
/// <param name="Modules">Its study modules.</param>
/// <param name="GlossaryTerms">Glossary terms whose credentials include it.</param>
/// <param name="Domains">Per domain, in outline order.</param>
public sealed record CredentialStats(
    string Id,
    string Name,
    string Form,
    int ScoredItems,
    int Questions,
    TypeCounts ByType,
    DifficultyCounts ByDifficulty,
    int Modules,
    int GlossaryTerms,
    IReadOnlyList<DomainStats> Domains);

/// <summary>What <c>stats</c> reports, for every credential that loaded.</summary>
/// <param name="ContentErrors">Errors in the content: files with errors are not counted.</param>
/// <param name="Credentials">Per credential, by id.</param>
public sealed record StatsReport(int ContentErrors, IReadOnlyList<CredentialStats> Credentials)
{
    public static StatsReport From(ContentLibrary library) =>
        new(library.Diagnostics.Count(d => d.Severity == Severity.Error), [.. library.Credentials.Select(c => For(c, library))]);

    private static CredentialStats For(Credential credential, ContentLibrary library)
    {
        var questions = library.Questions.Where(q => q.Domains.Any(d => d.Credential == credential.Id)).ToList();
        var modules = library.Modules.Where(m => m.Credential == credential.Id).ToList();
        var scored = credential.DefaultForm.ScoredItems.Value;
        var domains = credential.Domains.Select(domain =>
        {
            var inDomain = questions.Where(q => q.Domains.Contains(new DomainRef(credential.Id, domain.Id))).ToList();
            var fraction = domain.Weight.Fraction(scored);
            return new DomainStats(
                domain.Id,
                domain.Name,
                domain.Weight.Percent,
                domain.Weight.Items,
                domain.Weight.Confirmed,
                fraction * scored,
                fraction,
                inDomain.Count,
                questions.Count == 0 ? 0 : (double)inDomain.Count / questions.Count,
                TypeCounts.Of(inDomain),
                DifficultyCounts.Of(inDomain),
                modules.Count(m => m.Domains.Contains(domain.Id)));
        }).ToList();

        return new CredentialStats(
            credential.Id,
            credential.Name,
            credential.DefaultForm.Id,
            scored,
            questions.Count,
            TypeCounts.Of(questions),
            DifficultyCounts.Of(questions),
            modules.Count,
            library.Terms.Count(t => t.Credentials.Contains(credential.Id)),
            domains);
    }
}

using CertPrep.Content.Diagnostics;

namespace CertPrep.Content.Model;

/// <summary>An exam credential (CPIM, CSCP, a Six Sigma belt), read from <c>&lt;id&gt;/credential.yml</c>.</summary>
/// <param name="Id">Folder name and stable id, e.g. <c>cpim</c>.</param>
/// <param name="Name">Full name.</param>
/// <param name="Issuer">The issuing body, e.g. ASCM.</param>
/// <param name="Outline">The version of the exam content outline the content follows.</param>
/// <param name="RecommendedStudyHours">Typical total study time, used to suggest weekly hours.</param>
/// <param name="Forms">The exam forms a learner can simulate (one for most credentials; ASQ and IASSC for Six Sigma).</param>
/// <param name="Domains">The blueprint's domains, in outline order.</param>
/// <param name="Location">Where the credential is defined.</param>
public sealed record Credential(
    string Id,
    string Name,
    string Issuer,
    Fact<string> Outline,
    int? RecommendedStudyHours,
    IReadOnlyList<ExamForm> Forms,
    IReadOnlyList<ExamDomain> Domains,
    SourceLocation Location)
{
    /// <summary>The form simulated when the learner has not chosen one.</summary>
    public ExamForm DefaultForm => Forms[0];

    /// <summary>Finds a domain by id.</summary>
    public ExamDomain? Domain(string id) => Domains.FirstOrDefault(d => d.Id == id);
}

/// <summary>One way the exam is delivered: item counts, time, scoring.</summary>
/// <param name="Id">Stable id within the credential, e.g. <c>asq</c> or <c>iassc</c>.</param>
/// <param name="Name">Shown to learners.</param>
/// <param name="Items">Items on the form, scored and pretest together.</param>
/// <param name="ScoredItems">Items that count.</param>
/// <param name="PretestItems">Unscored pretest items mixed in.</param>
/// <param name="Minutes">Time allowed.</param>
/// <param name="ScoreScale">E.g. "200-350" or "percent".</param>
/// <param name="PassMark">E.g. "300" or "70%".</param>
/// <param name="OpenBook">Whether reference material is allowed.</param>
/// <param name="DomainItems">Scored items per domain id on this form, when the body publishes counts for it.</param>
public sealed record ExamForm(
    string Id,
    string Name,
    Fact<int> Items,
    Fact<int> ScoredItems,
    Fact<int> PretestItems,
    Fact<int> Minutes,
    Fact<string> ScoreScale,
    Fact<string> PassMark,
    Fact<bool> OpenBook,
    IReadOnlyDictionary<string, Fact<int>> DomainItems);

/// <summary>A blueprint domain with its weight.</summary>
/// <param name="Id">Stable id within the credential, e.g. <c>demand</c>.</param>
/// <param name="Name">Outline title.</param>
/// <param name="Weight">Share of the exam.</param>
/// <param name="Requires">Domains whose modules should be read first.</param>
public sealed record ExamDomain(string Id, string Name, DomainWeight Weight, IReadOnlyList<string> Requires);

/// <summary>A domain's share of the exam, as a percentage or as a count of scored items, with its source.</summary>
/// <param name="Percent">Percent of scored items, when published as a percentage.</param>
/// <param name="Items">Scored items, when published as a count.</param>
/// <param name="Source">Where the weight comes from.</param>
/// <param name="Confirmed">Whether the issuing body confirms it for the current outline.</param>
public sealed record DomainWeight(double? Percent, int? Items, string Source, bool Confirmed)
{
    /// <summary>The weight as a fraction of the scored items (0..1).</summary>
    public double Fraction(int scoredItems) => Percent is { } p ? p / 100.0 : Items is { } n && scoredItems > 0 ? (double)n / scoredItems : 0;
}

/// <summary>A reference to one domain of one credential, written <c>credential/domain</c>.</summary>
/// <param name="Credential">Credential id.</param>
/// <param name="Domain">Domain id.</param>
public readonly record struct DomainRef(string Credential, string Domain)
{
    /// <summary>Parses <c>cpim/demand</c>; null when the text has no single slash.</summary>
    public static DomainRef? Parse(string text)
    {
        var parts = text.Trim().Split('/');
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0 ? new DomainRef(parts[0], parts[1]) : null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Credential}/{Domain}";
}

using CertPrep.Content.Diagnostics;

namespace CertPrep.Content.Model;

/// <summary>A glossary term, read from <c>glossary/*.md</c>.</summary>
/// <param name="Id">The heading's slug, e.g. <c>safety-stock</c>; links use it as the anchor.</param>
/// <param name="Term">The term as written.</param>
/// <param name="Definition">Definition (markdown).</param>
/// <param name="Aliases">Other names, also linked in modules.</param>
/// <param name="Related">Related term ids.</param>
/// <param name="Credentials">Credential ids whose bodies of knowledge use the term.</param>
/// <param name="Location">Where the term is defined.</param>
public sealed record GlossaryTerm(
    string Id,
    string Term,
    string Definition,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Related,
    IReadOnlyList<string> Credentials,
    SourceLocation Location);

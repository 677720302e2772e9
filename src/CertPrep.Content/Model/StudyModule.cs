using CertPrep.Content.Diagnostics;

namespace CertPrep.Content.Model;

/// <summary>A study module: markdown with front matter, read from <c>&lt;credential&gt;/modules/*.md</c>.</summary>
/// <param name="Id">Stable id, unique across all content.</param>
/// <param name="Credential">The credential it belongs to.</param>
/// <param name="Domains">The credential's domains it teaches.</param>
/// <param name="Order">Position in the credential's reading order.</param>
/// <param name="Title">Title.</param>
/// <param name="Summary">One or two sentences for lists.</param>
/// <param name="Objectives">Learning objectives.</param>
/// <param name="KeyTerms">Glossary term ids the module teaches.</param>
/// <param name="ReadingMinutes">Estimated reading time.</param>
/// <param name="Requires">Module ids to read first.</param>
/// <param name="Markdown">The body (after the front matter).</param>
/// <param name="BodyLine">1-based line where the body starts in the file.</param>
/// <param name="Sections">Headings of the body, with their anchors.</param>
/// <param name="Location">The file.</param>
public sealed record StudyModule(
    string Id,
    string Credential,
    IReadOnlyList<string> Domains,
    int Order,
    string Title,
    string? Summary,
    IReadOnlyList<string> Objectives,
    IReadOnlyList<string> KeyTerms,
    int ReadingMinutes,
    IReadOnlyList<string> Requires,
    string Markdown,
    int BodyLine,
    IReadOnlyList<ModuleSection> Sections,
    SourceLocation Location);

/// <summary>A heading in a module; its anchor makes it addressable as <c>module-id#anchor</c>.</summary>
/// <param name="Anchor">The heading's id (GitHub-style slug).</param>
/// <param name="Title">Heading text.</param>
/// <param name="Level">2 for ##, 3 for ###, …</param>
/// <param name="Line">1-based line in the file.</param>
public sealed record ModuleSection(string Anchor, string Title, int Level, int Line);

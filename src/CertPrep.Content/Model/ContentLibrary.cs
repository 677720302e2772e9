using CertPrep.Content.Diagnostics;

namespace CertPrep.Content.Model;

/// <summary>Everything read from a content folder, with every problem found, in one immutable snapshot.</summary>
/// <param name="Credentials">Credentials by folder.</param>
/// <param name="Modules">Study modules.</param>
/// <param name="Questions">Questions from files that have no error.</param>
/// <param name="Cases">Case sets.</param>
/// <param name="Terms">Glossary terms.</param>
/// <param name="Diagnostics">Every error and warning, sorted by file and position.</param>
/// <param name="RejectedFiles">Files that had errors: nothing from them is in the snapshot.</param>
public sealed record ContentLibrary(
    IReadOnlyList<Credential> Credentials,
    IReadOnlyList<StudyModule> Modules,
    IReadOnlyList<Question> Questions,
    IReadOnlyList<CaseSet> Cases,
    IReadOnlyList<GlossaryTerm> Terms,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlySet<string> RejectedFiles)
{
    /// <summary>
    /// Files that were parsed anew because their bytes changed since the cached load (null when loaded without a
    /// cache: everything is new). Lets an importer touch only what changed.
    /// </summary>
    public IReadOnlySet<string>? ChangedFiles { get; init; }

    /// <summary>How many files the content folder holds (content files, images and ignored files together).</summary>
    public int Files { get; init; }

    /// <summary>Whether any error was found.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

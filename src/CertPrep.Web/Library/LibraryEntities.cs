namespace CertPrep.Web.Library;

/// <summary>A credential as last imported from content/. Structured facts are kept as JSON: they are only displayed.</summary>
public sealed class CredentialRecord
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string Issuer { get; set; }

    /// <summary>The whole <see cref="CertPrep.Content.Model.Credential"/> (facts, forms, domains) as JSON.</summary>
    public required string DefinitionJson { get; set; }

    public required string ContentHash { get; set; }

    public bool IsRetired { get; set; }

    public DateTime ImportedUtc { get; set; }
}

/// <summary>A study module as last imported.</summary>
public sealed class ModuleRecord
{
    public required string Id { get; set; }

    public required string CredentialId { get; set; }

    public required string Title { get; set; }

    public string? Summary { get; set; }

    public int Order { get; set; }

    public int ReadingMinutes { get; set; }

    /// <summary>Domains, objectives, key terms, prerequisites and sections as JSON.</summary>
    public required string MetadataJson { get; set; }

    public required string Markdown { get; set; }

    public required string SourcePath { get; set; }

    public required string ContentHash { get; set; }

    public bool IsRetired { get; set; }

    public DateTime ImportedUtc { get; set; }
}

/// <summary>A glossary term as last imported.</summary>
public sealed class GlossaryTermRecord
{
    public required string Id { get; set; }

    public required string Term { get; set; }

    public required string Definition { get; set; }

    /// <summary>Aliases, related term ids and credential ids as JSON.</summary>
    public required string MetadataJson { get; set; }

    public required string SourcePath { get; set; }

    public required string ContentHash { get; set; }

    public bool IsRetired { get; set; }

    public DateTime ImportedUtc { get; set; }
}

/// <summary>A question's stable identity. Its versions hold the content; answers point at a version.</summary>
public sealed class QuestionItem
{
    public required string Id { get; set; }

    /// <summary>The <see cref="QuestionVersion.Number"/> served now (the latest import of its content).</summary>
    public int CurrentVersion { get; set; }

    /// <summary>Removed from the files: no longer served, history kept.</summary>
    public bool IsRetired { get; set; }

    public DateTime FirstImportedUtc { get; set; }

    public List<QuestionVersion> Versions { get; set; } = [];

    public List<QuestionDomain> Domains { get; set; } = [];
}

/// <summary>One version of a question: what a learner saw and was scored on. Never changed once written.</summary>
public sealed class QuestionVersion
{
    public long Id { get; set; }

    public required string QuestionId { get; set; }

    /// <summary>1 for the first import, then 2, 3, … per content change.</summary>
    public int Number { get; set; }

    public required string ContentHash { get; set; }

    public required string Type { get; set; }

    public required string Topic { get; set; }

    public required string Bloom { get; set; }

    public required string Difficulty { get; set; }

    public string? Source { get; set; }

    public string? CaseId { get; set; }

    public required string Stem { get; set; }

    /// <summary>Options (text, key, pinned, rationale), numeric answer and calculation as JSON.</summary>
    public required string BodyJson { get; set; }

    public required string Explanation { get; set; }

    public required string SourcePath { get; set; }

    public int SourceLine { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>A blueprint domain a question serves (current mapping; a mapping change is not a new version).</summary>
public sealed class QuestionDomain
{
    public required string QuestionId { get; set; }

    public required string CredentialId { get; set; }

    public required string DomainId { get; set; }
}

/// <summary>A case set: shared stem followed by several questions.</summary>
public sealed class CaseSetRecord
{
    public required string Id { get; set; }

    public required string Title { get; set; }

    public required string Stem { get; set; }

    public required string SourcePath { get; set; }

    public required string ContentHash { get; set; }

    public bool IsRetired { get; set; }
}

/// <summary>One run of the content import and what it changed.</summary>
public sealed class ContentImport
{
    public long Id { get; set; }

    public required string Trigger { get; set; }

    public DateTime StartedUtc { get; set; }

    public DateTime FinishedUtc { get; set; }

    public int Files { get; set; }

    public int RejectedFiles { get; set; }

    public int Errors { get; set; }

    public int Warnings { get; set; }

    public int Added { get; set; }

    public int NewVersions { get; set; }

    public int Retired { get; set; }

    public int Unchanged { get; set; }

    public List<ContentProblem> Problems { get; set; } = [];
}

/// <summary>An error or warning found by an import, with its file position.</summary>
public sealed class ContentProblem
{
    public long Id { get; set; }

    public long ImportId { get; set; }

    public required string Path { get; set; }

    public int Line { get; set; }

    public int Column { get; set; }

    public bool IsError { get; set; }

    public required string Code { get; set; }

    public required string Message { get; set; }
}

/// <summary>A learner marked a module as read.</summary>
public sealed class ModuleRead
{
    public required string UserId { get; set; }

    public required string ModuleId { get; set; }

    public DateTime ReadUtc { get; set; }
}

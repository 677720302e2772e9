using System.Text;
using CertPrep.Content.Diagnostics;
using CertPrep.Content.Model;
using CertPrep.Content.Parsing;
using CertPrep.Content.Rendering;
using CertPrep.Content.Validation;
using Microsoft.Extensions.FileProviders;

namespace CertPrep.Content;

/// <summary>
/// Reads a whole content folder into a <see cref="ContentLibrary"/>: every file is parsed, cross-file references are
/// checked, and any file with an error is left out whole (the rest still loads). Never throws for bad content.
/// </summary>
public static class ContentLoader
{
    /// <summary>Files larger than this are refused: content files are text an author edits.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>Loads everything under the provider's root.</summary>
    public static ContentLibrary Load(IFileProvider files)
    {
        var diagnostics = new DiagnosticBag();
        var parsed = new ParsedContent();
        foreach (var (path, info) in Walk(files, ""))
        {
            var kind = Classify(path);
            if (kind == FileKind.Asset || kind == FileKind.Ignored)
            {
                parsed.Assets.Add(path);
                continue;
            }

            if (kind == FileKind.Unknown)
            {
                diagnostics.Warning(SourceLocation.StartOf(path), "content.unknown-file",
                    "This file is not read: credentials are <credential>/credential.yml, modules <credential>/modules/*.md, questions <credential>/questions/*.md, glossary glossary/*.md.");
                parsed.Assets.Add(path);
                continue;
            }

            if (ReadText(info, path, diagnostics) is not { } text)
            {
                parsed.Rejected.Add(path);
                continue;
            }

            var before = diagnostics.Items.Count;
            switch (kind)
            {
                case FileKind.Credential:
                    if (CredentialParser.Parse(text, path, diagnostics) is { } credential)
                    {
                        parsed.Credentials.Add(credential);
                    }

                    break;
                case FileKind.Module:
                    if (ModuleParser.Parse(text, path, diagnostics, out var links) is { } module)
                    {
                        parsed.Modules.Add(module);
                        parsed.Links[path] = links;
                    }

                    break;
                case FileKind.Questions:
                    var file = QuestionFileParser.Parse(text, path, diagnostics);
                    parsed.Questions.AddRange(file.Questions);
                    parsed.Cases.AddRange(file.Cases);
                    break;
                case FileKind.Glossary:
                    parsed.Terms.AddRange(GlossaryParser.Parse(text, path, diagnostics));
                    break;
            }

            if (diagnostics.Items.Skip(before).Any(d => d.Severity == Severity.Error))
            {
                parsed.Rejected.Add(path);
            }
        }

        ContentValidator.Validate(parsed, diagnostics);
        var rejected = diagnostics.Items.Where(d => d.Severity == Severity.Error).Select(d => d.Path).Concat(parsed.Rejected).ToHashSet(StringComparer.Ordinal);
        bool Keep(SourceLocation at) => !rejected.Contains(at.Path);
        var sorted = diagnostics.Items.OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ToList();
        return new ContentLibrary(
            [.. parsed.Credentials.Where(c => Keep(c.Location)).OrderBy(c => c.Id, StringComparer.Ordinal)],
            [.. parsed.Modules.Where(m => Keep(m.Location)).OrderBy(m => m.Credential, StringComparer.Ordinal).ThenBy(m => m.Order)],
            [.. parsed.Questions.Where(q => Keep(q.Location))],
            [.. parsed.Cases.Where(c => Keep(c.Location))],
            [.. parsed.Terms.Where(t => Keep(t.Location)).OrderBy(t => t.Term, StringComparer.OrdinalIgnoreCase)],
            sorted,
            rejected);
    }

    private enum FileKind
    {
        Credential,
        Module,
        Questions,
        Glossary,
        Asset,
        Ignored,
        Unknown,
    }

    private static FileKind Classify(string path)
    {
        var parts = path.Split('/');
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return parts switch
        {
            [_, CredentialParser.FileName] => FileKind.Credential,
            [_, "modules", _] when extension == ".md" => FileKind.Module,
            [_, "questions", _] when extension == ".md" => FileKind.Questions,
            ["glossary", _] when extension == ".md" => FileKind.Glossary,
            [_] when extension == ".md" => FileKind.Ignored, // README.md and notes at the root
            _ when parts[^1].StartsWith('.') => FileKind.Ignored,
            _ when extension is ".png" or ".jpg" or ".jpeg" or ".gif" or ".svg" or ".webp" => FileKind.Asset,
            _ => FileKind.Unknown,
        };
    }

    private static string? ReadText(IFileInfo info, string path, DiagnosticBag diagnostics)
    {
        if (info.Length > MaxFileBytes)
        {
            diagnostics.Error(SourceLocation.StartOf(path), "content.too-large", $"The file is {info.Length / 1024 / 1024.0:0.0} MB; content files are at most {MaxFileBytes / 1024 / 1024} MB. Split it.");
            return null;
        }

        using var stream = info.CreateReadStream();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var bytes = memory.ToArray();
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            diagnostics.Error(SourceLocation.StartOf(path), "content.binary", "This is not a text file (it contains NUL bytes).");
            return null;
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException ex)
        {
            diagnostics.Error(SourceLocation.StartOf(path), "content.encoding", $"The file is not valid UTF-8 (byte {ex.Index}). Save it as UTF-8.");
            return null;
        }
    }

    private static IEnumerable<(string Path, IFileInfo Info)> Walk(IFileProvider files, string folder)
    {
        foreach (var entry in files.GetDirectoryContents(folder).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var path = folder.Length == 0 ? entry.Name : $"{folder}/{entry.Name}";
            if (entry.IsDirectory)
            {
                if (!entry.Name.StartsWith('.'))
                {
                    foreach (var child in Walk(files, path))
                    {
                        yield return child;
                    }
                }
            }
            else
            {
                yield return (path, entry);
            }
        }
    }
}

/// <summary>What the parsers produced, before cross-file validation.</summary>
internal sealed class ParsedContent
{
    public List<Credential> Credentials { get; } = [];

    public List<StudyModule> Modules { get; } = [];

    public List<Question> Questions { get; } = [];

    public List<CaseSet> Cases { get; } = [];

    public List<GlossaryTerm> Terms { get; } = [];

    public HashSet<string> Assets { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Rejected { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyList<MarkdownLink>> Links { get; } = new(StringComparer.Ordinal);
}

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

    /// <summary>
    /// Loads everything under the provider's root. With a <paramref name="cache"/>, files whose bytes did not change
    /// since the last load are not parsed again (cross-file checks always run on the whole tree).
    /// </summary>
    public static ContentLibrary Load(IFileProvider files, ContentParseCache? cache = null)
    {
        var diagnostics = new DiagnosticBag();
        var parsed = new ParsedContent();
        var toParse = new List<(string Path, IFileInfo Info, FileKind Kind)>();
        foreach (var (path, info) in Walk(files, ""))
        {
            var kind = Classify(path);
            if (kind is FileKind.Asset or FileKind.Ignored)
            {
                parsed.Assets.Add(path);
            }
            else if (kind == FileKind.Unknown)
            {
                diagnostics.Warning(SourceLocation.StartOf(path), "content.unknown-file",
                    "This file is not read: credentials are <credential>/credential.yml, modules <credential>/modules/*.md, questions <credential>/questions/*.md, glossary glossary/*.md.");
                parsed.Assets.Add(path);
            }
            else
            {
                toParse.Add((path, info, kind));
            }
        }

        // Files are independent until the cross-file checks: parse them in parallel, merge in path order.
        var results = new FileResult[toParse.Count];
        var fresh = new bool[toParse.Count];
        Parallel.For(0, toParse.Count, i => (results[i], fresh[i]) = ParseFile(toParse[i].Path, toParse[i].Info, toParse[i].Kind, cache));
        var removed = cache?.Retain(toParse.Select(f => f.Path)) ?? [];
        foreach (var result in results)
        {
            diagnostics.AddRange(result.Diagnostics);
            if (result.Diagnostics.Any(d => d.Severity == Severity.Error))
            {
                parsed.Rejected.Add(result.Path);
            }

            if (result.Credential is not null)
            {
                parsed.Credentials.Add(result.Credential);
            }

            if (result.Module is not null)
            {
                parsed.Modules.Add(result.Module);
                parsed.Links[result.Path] = result.Links;
            }

            parsed.Questions.AddRange(result.Questions);
            parsed.Cases.AddRange(result.Cases);
            parsed.Terms.AddRange(result.Terms);
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
            rejected)
        {
            ChangedFiles = cache is null ? null : toParse.Where((_, i) => fresh[i]).Select(f => f.Path).Concat(removed).ToHashSet(StringComparer.Ordinal),
            Files = toParse.Count + parsed.Assets.Count,
        };
    }

    private static (FileResult Result, bool Fresh) ParseFile(string path, IFileInfo info, FileKind kind, ContentParseCache? cache)
    {
        var bag = new DiagnosticBag();
        var bytes = ReadBytes(info, path, bag);
        if (bytes is null)
        {
            return (new FileResult(path, bag.Items), true);
        }

        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));
        if (cache?.Find(path, hash) is { } cached)
        {
            return (cached, false);
        }

        var result = new FileResult(path, bag.Items);
        if (Decode(bytes, path, bag) is { } text)
        {
            switch (kind)
            {
                case FileKind.Credential:
                    result = result with { Credential = CredentialParser.Parse(text, path, bag) };
                    break;
                case FileKind.Module:
                    var module = ModuleParser.Parse(text, path, bag, out var links);
                    result = result with { Module = module, Links = links };
                    break;
                case FileKind.Questions:
                    var file = QuestionFileParser.Parse(text, path, bag);
                    result = result with { Questions = file.Questions, Cases = file.Cases };
                    break;
                case FileKind.Glossary:
                    result = result with { Terms = GlossaryParser.Parse(text, path, bag) };
                    break;
            }
        }

        result = result with { Diagnostics = [.. bag.Items] };
        cache?.Store(path, hash, result);
        return (result, true);
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

    private static byte[]? ReadBytes(IFileInfo info, string path, DiagnosticBag diagnostics)
    {
        if (info.Length > MaxFileBytes)
        {
            diagnostics.Error(SourceLocation.StartOf(path), "content.too-large", $"The file is {info.Length / 1024 / 1024.0:0.0} MB; content files are at most {MaxFileBytes / 1024 / 1024} MB. Split it.");
            return null;
        }

        using var stream = info.CreateReadStream();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static string? Decode(byte[] bytes, string path, DiagnosticBag diagnostics)
    {
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

/// <summary>What parsing one file produced: its own diagnostics and items, before cross-file checks.</summary>
/// <param name="Path">Content path.</param>
/// <param name="Diagnostics">Problems found in the file itself.</param>
public sealed record FileResult(string Path, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The credential, for a credential.yml.</summary>
    public Credential? Credential { get; init; }

    /// <summary>The module, for a module file.</summary>
    public StudyModule? Module { get; init; }

    /// <summary>The module's links, checked across files.</summary>
    public IReadOnlyList<MarkdownLink> Links { get; init; } = [];

    /// <summary>Questions of a question file.</summary>
    public IReadOnlyList<Question> Questions { get; init; } = [];

    /// <summary>Case sets of a question file.</summary>
    public IReadOnlyList<CaseSet> Cases { get; init; } = [];

    /// <summary>Terms of a glossary file.</summary>
    public IReadOnlyList<GlossaryTerm> Terms { get; init; } = [];
}

/// <summary>
/// Parse results by file and content hash, so a re-load parses only files whose bytes changed. Thread-safe; keep one
/// per content folder for the life of the process.
/// </summary>
public sealed class ContentParseCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Hash, FileResult Result)> _files = new(StringComparer.Ordinal);

    /// <summary>
    /// Set by an importer once the database holds everything this cache has parsed, so later imports may skip files
    /// that did not change.
    /// </summary>
    public bool Synced { get; set; }

    /// <summary>The files the last import left out for errors; an importer looks at them again every time.</summary>
    public IReadOnlySet<string> LastRejected { get; set; } = new HashSet<string>();

    /// <summary>The cached result when the file still has these bytes.</summary>
    public FileResult? Find(string path, string hash) => _files.TryGetValue(path, out var entry) && entry.Hash == hash ? entry.Result : null;

    /// <summary>Remembers a file's result.</summary>
    public void Store(string path, string hash, FileResult result) => _files[path] = (hash, result);

    /// <summary>Forgets files that no longer exist and returns their paths.</summary>
    public IReadOnlyList<string> Retain(IEnumerable<string> paths)
    {
        var keep = paths.ToHashSet(StringComparer.Ordinal);
        var removed = _files.Keys.Where(p => !keep.Contains(p)).ToList();
        foreach (var path in removed)
        {
            _files.TryRemove(path, out _);
        }

        return removed;
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

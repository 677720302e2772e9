using CertPrep.Content;
using CertPrep.Content.Diagnostics;
using CertPrep.Content.Model;
using CertPrep.Content.Parsing;
using Microsoft.Extensions.FileProviders;

namespace CertPrep.Authoring.Cli;

/// <summary>A content folder given on the command line, loaded with <see cref="ContentLoader"/>.</summary>
public sealed class ContentFolder
{
    private ContentFolder(string root, ContentLibrary library, int files)
    {
        Root = root;
        Library = library;
        ContentFiles = files;
    }

    /// <summary>The folder's full path.</summary>
    public string Root { get; }

    /// <summary>What loaded, with every diagnostic (paths relative to <see cref="Root"/>).</summary>
    public ContentLibrary Library { get; }

    /// <summary>How many files the loader reads as content (credentials, modules, question files, glossary files).</summary>
    public int ContentFiles { get; }

    /// <summary>How many errors the content has.</summary>
    public int Errors => Library.Diagnostics.Count(d => d.Severity == Severity.Error);

    /// <summary>Loads <paramref name="dir"/>; throws <see cref="UsageException"/> when it is not a folder.</summary>
    public static ContentFolder Load(string dir)
    {
        var root = Path.GetFullPath(dir);
        if (!Directory.Exists(root))
        {
            throw new UsageException($"the folder '{dir}' does not exist.");
        }

        using var provider = new PhysicalFileProvider(root);
        var library = ContentLoader.Load(provider);
        return new ContentFolder(root, library, CountContentFiles(root));
    }

    /// <summary>The credential named by <paramref name="id"/>, or the only one when <paramref name="id"/> is null.</summary>
    public Credential ResolveCredential(string? id)
    {
        var known = string.Join(", ", Library.Credentials.Select(c => c.Id));
        if (id is not null)
        {
            return Library.Credentials.FirstOrDefault(c => c.Id == id)
                ?? throw new UsageException(Library.Credentials.Count == 0
                    ? $"there is no credential '{id}' in {Root} (none loaded)."
                    : $"there is no credential '{id}' in {Root} (there are: {known}).");
        }

        return Library.Credentials.Count switch
        {
            1 => Library.Credentials[0],
            0 => throw new UsageException($"no credential loaded from {Root} (a credential is <dir>/<id>/{CredentialParser.FileName}; run 'check')."),
            _ => throw new UsageException($"there are several credentials ({known}): pass --credential <id>."),
        };
    }

    /// <summary>The path of a file inside the folder, relative to it with forward slashes (as diagnostics write it).</summary>
    public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    private static int CountContentFiles(string root)
    {
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var parts = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
            if (parts.Any(p => p.StartsWith('.')))
            {
                continue;
            }

            var markdown = Path.GetExtension(file).Equals(".md", StringComparison.OrdinalIgnoreCase);
            count += parts switch
            {
                [_, CredentialParser.FileName] => 1,
                [_, "modules" or "questions", _] when markdown => 1,
                ["glossary", _] when markdown => 1,
                _ => 0,
            };
        }

        return count;
    }
}

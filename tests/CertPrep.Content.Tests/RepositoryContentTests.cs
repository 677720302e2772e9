using System.Collections;
using System.Collections.Concurrent;
using CertPrep.Content.Diagnostics;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace CertPrep.Content.Tests;

/// <summary>
/// The repository's own <c>content/</c> folder (copied into the test output as <c>RepositoryContent/</c>) loads without
/// a single error, and the loader really read it: it listed every file on disk and parsed every content file, so the
/// test cannot pass by reading nothing.
/// </summary>
public sealed class RepositoryContentTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "RepositoryContent");

    [Fact]
    public void RepositoryContent_LoadsWithoutErrors()
    {
        var library = ContentLoader.Load(new PhysicalFileProvider(Root, ExclusionFilters.None));

        library.Diagnostics.Where(d => d.Severity == Severity.Error).ShouldBeEmpty(
            $"content/ has errors; every diagnostic:\n{string.Join("\n", library.Diagnostics)}");
        library.RejectedFiles.ShouldBeEmpty();
    }

    [Fact]
    public void RepositoryContent_IsReadWhole_EveryFileListedAndEveryContentFileParsed()
    {
        var onDisk = FilesOnDisk();
        onDisk.ShouldContain("README.md", "content/README.md is copied into the test output; without it this test would check nothing");
        var files = new RecordingFileProvider(new PhysicalFileProvider(Root, ExclusionFilters.None));

        var library = ContentLoader.Load(files);

        files.Listed.Order(StringComparer.Ordinal).ShouldBe(onDisk.Order(StringComparer.Ordinal), "the loader lists every file on disk");
        files.Read.Order(StringComparer.Ordinal).ShouldBe(onDisk.Where(IsContentFile).Order(StringComparer.Ordinal), "the loader reads every content file, and only those");
        library.Diagnostics.Where(d => d.Code == "content.unknown-file").ShouldBeEmpty("files in content/ that nothing reads");

        library.Credentials.Select(c => c.Location.Path).Order(StringComparer.Ordinal).ShouldBe(
            onDisk.Where(p => p.Split('/') is [_, "credential.yml"]).Order(StringComparer.Ordinal), "every credential.yml is a credential");
        library.Modules.Select(m => m.Location.Path).Order(StringComparer.Ordinal).ShouldBe(
            onDisk.Where(p => p.Split('/') is [_, "modules", _] && IsMarkdown(p)).Order(StringComparer.Ordinal), "every module file is a module");
        library.Questions.Select(q => q.Location.Path).Concat(library.Cases.Select(c => c.Location.Path)).Distinct().Order(StringComparer.Ordinal).ShouldBe(
            onDisk.Where(p => p.Split('/') is [_, "questions", _] && IsMarkdown(p)).Order(StringComparer.Ordinal), "every question file holds questions");
        library.Terms.Select(t => t.Location.Path).Distinct().Order(StringComparer.Ordinal).ShouldBe(
            onDisk.Where(p => p.Split('/') is ["glossary", _] && IsMarkdown(p)).Order(StringComparer.Ordinal), "every glossary file holds terms");
    }

    /// <summary>Every file under the copied content folder, except in folders whose name starts with '.', which are never read.</summary>
    private static List<string> FilesOnDisk() =>
    [
        .. Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(p => !p.Split('/')[..^1].Any(folder => folder.StartsWith('.'))),
    ];

    /// <summary>What the format says is parsed: credential.yml, modules, question files and glossary files.</summary>
    private static bool IsContentFile(string path) =>
        path.Split('/') switch
        {
            [_, "credential.yml"] => true,
            [_, "modules" or "questions", _] => IsMarkdown(path),
            ["glossary", _] => IsMarkdown(path),
            _ => false,
        };

    private static bool IsMarkdown(string path) => Path.GetExtension(path).Equals(".md", StringComparison.OrdinalIgnoreCase);

    /// <summary>Remembers every file a directory listing returned and every file whose content was read.</summary>
    private sealed class RecordingFileProvider(IFileProvider inner) : IFileProvider
    {
        private readonly ConcurrentDictionary<string, bool> _listed = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> _read = new(StringComparer.Ordinal);

        public IReadOnlyCollection<string> Listed => [.. _listed.Keys];

        public IReadOnlyCollection<string> Read => [.. _read.Keys];

        public IFileInfo GetFileInfo(string subpath) => new RecordedFile(inner.GetFileInfo(subpath), subpath.TrimStart('/'), _read);

        public IDirectoryContents GetDirectoryContents(string subpath)
        {
            var folder = subpath.Trim('/');
            var entries = inner.GetDirectoryContents(subpath)
                .Select(e => e.IsDirectory ? e : new RecordedFile(e, folder.Length == 0 ? e.Name : $"{folder}/{e.Name}", _read))
                .ToList();
            foreach (var file in entries.OfType<RecordedFile>())
            {
                _listed[file.Path] = true;
            }

            return new Contents(entries);
        }

        public IChangeToken Watch(string filter) => inner.Watch(filter);

        private sealed class Contents(List<IFileInfo> entries) : IDirectoryContents
        {
            public bool Exists => true;

            public IEnumerator<IFileInfo> GetEnumerator() => entries.GetEnumerator();

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }

        private sealed class RecordedFile(IFileInfo inner, string path, ConcurrentDictionary<string, bool> read) : IFileInfo
        {
            public string Path => path;

            public bool Exists => inner.Exists;

            public long Length => inner.Length;

            public string? PhysicalPath => inner.PhysicalPath;

            public string Name => inner.Name;

            public DateTimeOffset LastModified => inner.LastModified;

            public bool IsDirectory => inner.IsDirectory;

            public Stream CreateReadStream()
            {
                read[path] = true;
                return inner.CreateReadStream();
            }
        }
    }
}

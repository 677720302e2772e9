using System.Collections;
using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace CertPrep.Content.Tests.TestData;

/// <summary>
/// Content files held in memory, keyed by forward-slash paths, for tests of code that reads an IFileProvider. Text
/// is stored as UTF-8; raw bytes let tests hand the loader what no string can hold (invalid UTF-8, NUL bytes, a BOM).
/// </summary>
public sealed class InMemoryFileProvider(IReadOnlyDictionary<string, byte[]> files) : IFileProvider
{
    public InMemoryFileProvider(IReadOnlyDictionary<string, string> files)
        : this(files.ToDictionary(f => f.Key, f => Encoding.UTF8.GetBytes(f.Value), StringComparer.Ordinal))
    {
    }

    private static readonly DateTimeOffset Modified = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public IFileInfo GetFileInfo(string subpath)
    {
        var path = subpath.TrimStart('/');
        return files.TryGetValue(path, out var bytes) ? new File(path, bytes) : new NotFoundFileInfo(path);
    }

    public IDirectoryContents GetDirectoryContents(string subpath)
    {
        var prefix = subpath.Trim('/');
        prefix = prefix.Length == 0 ? "" : prefix + "/";
        var entries = new Dictionary<string, IFileInfo>(StringComparer.Ordinal);
        foreach (var (path, bytes) in files.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var rest = path[prefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                entries[rest] = new File(path, bytes);
            }
            else
            {
                entries.TryAdd(rest[..slash], new Folder(rest[..slash]));
            }
        }

        return entries.Count == 0 && prefix.Length > 0 ? NotFoundDirectoryContents.Singleton : new Contents(entries.Values.ToList());
    }

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class Contents(List<IFileInfo> entries) : IDirectoryContents
    {
        public bool Exists => true;

        public IEnumerator<IFileInfo> GetEnumerator() => entries.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class File(string path, byte[] bytes) : IFileInfo
    {
        public bool Exists => true;

        public long Length => bytes.Length;

        public string? PhysicalPath => null;

        public string Name => path[(path.LastIndexOf('/') + 1)..];

        public DateTimeOffset LastModified => Modified;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(bytes, writable: false);
    }

    private sealed class Folder(string name) : IFileInfo
    {
        public bool Exists => true;

        public long Length => -1;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => Modified;

        public bool IsDirectory => true;

        public Stream CreateReadStream() => throw new InvalidOperationException("A folder has no content stream.");
    }
}

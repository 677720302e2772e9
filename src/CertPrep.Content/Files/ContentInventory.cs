using Microsoft.Extensions.FileProviders;

namespace CertPrep.Content.Files;

/// <summary>
/// The files authors have put in the content folder. Reads through an <see cref="IFileProvider"/> so tests can use
/// in-memory files and the site can use the physical folder.
/// </summary>
public sealed class ContentInventory(IFileProvider files)
{
    /// <summary>The provider the content is read from.</summary>
    public IFileProvider Files => files;

    /// <summary>Every file under the content root: folders in ordinal name order, each folder's files before its sub-folders' files.</summary>
    public IReadOnlyList<ContentFile> List()
    {
        var result = new List<ContentFile>();
        Walk("", result);
        return result;
    }

    private void Walk(string folder, List<ContentFile> into)
    {
        var entries = files.GetDirectoryContents(folder).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        foreach (var entry in entries.Where(e => !e.IsDirectory))
        {
            into.Add(new ContentFile(Join(folder, entry.Name), entry.Length, entry.LastModified));
        }

        foreach (var entry in entries.Where(e => e.IsDirectory))
        {
            Walk(Join(folder, entry.Name), into);
        }
    }

    private static string Join(string folder, string name) => folder.Length == 0 ? name : $"{folder}/{name}";
}

/// <summary>One file in the content folder.</summary>
/// <param name="Path">Path relative to the content root, with forward slashes.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="LastModified">When the file last changed.</param>
public sealed record ContentFile(string Path, long Length, DateTimeOffset LastModified)
{
    /// <summary>The folder part of <see cref="Path"/>; empty for files at the content root.</summary>
    public string Folder => Path.Contains('/', StringComparison.Ordinal) ? Path[..Path.LastIndexOf('/')] : "";
}

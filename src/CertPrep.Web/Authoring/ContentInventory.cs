using Microsoft.Extensions.FileProviders;

namespace CertPrep.Web.Authoring;

/// <summary>The files authors have put in the content folder, read through an <see cref="IFileProvider"/>.</summary>
public sealed class ContentInventory(IFileProvider files)
{
    public IFileProvider Files => files;

    /// <summary>Every file under the content root, depth first, folders in name order.</summary>
    public IReadOnlyList<ContentFile> List()
    {
        var result = new List<ContentFile>();
        Walk("", result);
        return result;
    }

    private void Walk(string folder, List<ContentFile> into)
    {
        foreach (var entry in files.GetDirectoryContents(folder).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var path = folder.Length == 0 ? entry.Name : $"{folder}/{entry.Name}";
            if (entry.IsDirectory)
            {
                Walk(path, into);
            }
            else
            {
                into.Add(new ContentFile(path, entry.Length, entry.LastModified));
            }
        }
    }
}

public sealed record ContentFile(string Path, long Length, DateTimeOffset LastModified)
{
    public string Folder => Path.Contains('/', StringComparison.Ordinal) ? Path[..Path.LastIndexOf('/')] : "";
}

public static class ContentSetup
{
    public static void AddCertPrepContent(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        var root = System.IO.Path.GetFullPath(System.IO.Path.Combine(builder.Environment.ContentRootPath, options.Path));
        Directory.CreateDirectory(root);
        builder.Services.AddSingleton(new ContentInventory(new PhysicalFileProvider(root)));
    }
}

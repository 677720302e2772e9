using CertPrep.Content.Model;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;

namespace CertPrep.Content.Tests.Corpus;

/// <summary>
/// Paths in the repository's source tree, found by walking up from the test assembly to the folder that holds
/// <c>CertPrep.sln</c>. The corpus tests read <c>content/</c> and their own answer files from there, so an author can
/// run them with <c>--no-build</c> after editing content.
/// </summary>
internal static class RepositoryTree
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    private static readonly Lazy<ContentLibrary> ContentLibrary = new(() =>
        ContentLoader.Load(new PhysicalFileProvider(Content, ExclusionFilters.None)));

    public static string Root => RootPath.Value;

    public static string Content => Path.Combine(Root, "content");

    /// <summary><c>content/</c> as the site loads it, read once per test run.</summary>
    public static ContentLibrary Library => ContentLibrary.Value;

    public static string WorkedAnswers => Path.Combine(Root, "tests", "CertPrep.Content.Tests", "Corpus", "WorkedAnswers");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CertPrep.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No CertPrep.sln above {AppContext.BaseDirectory}: the corpus tests run inside the repository.");
    }
}

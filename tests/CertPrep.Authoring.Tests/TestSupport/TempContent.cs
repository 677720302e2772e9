namespace CertPrep.Authoring.Tests.TestSupport;

/// <summary>A temporary folder, by default holding a copy of the content format's sample tree; deleted on dispose.</summary>
public sealed class TempContent : IDisposable
{
    public static readonly string SampleRoot = Path.Combine(AppContext.BaseDirectory, "TestData", "sample");

    private TempContent(DirectoryInfo directory) => Root = directory.FullName;

    public string Root { get; }

    /// <summary>A copy of <c>TestData/sample</c>: one credential (demo) with two domains, two modules, six questions, three terms.</summary>
    public static TempContent CopyOfSample()
    {
        var content = Empty();
        foreach (var file in Directory.EnumerateFiles(SampleRoot, "*", SearchOption.AllDirectories))
        {
            var target = content.PathOf(Path.GetRelativePath(SampleRoot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return content;
    }

    public static TempContent Empty() => new(Directory.CreateTempSubdirectory("certprep-authoring-"));

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public string Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    public bool Exists(string relative) => File.Exists(PathOf(relative));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

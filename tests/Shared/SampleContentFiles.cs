namespace CertPrep.Tests.Shared;

/// <summary>The content library's valid sample tree, which test projects copy to their output as SampleContent/.</summary>
public static class SampleContentFiles
{
    public static readonly string Root = Path.Combine(AppContext.BaseDirectory, "SampleContent");

    /// <summary>Copies the whole sample into <paramref name="directory"/> (a site's content folder).</summary>
    public static void CopyTo(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory, Path.GetRelativePath(Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

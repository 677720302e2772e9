namespace CertPrep.Content.Tests.TestData;

/// <summary>The valid sample content tree as editable in-memory files, for tests that break one thing at a time.</summary>
public static class SampleContent
{
    public static readonly string Root = Path.Combine(AppContext.BaseDirectory, "TestData", "sample");

    public static Dictionary<string, string> Files() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Root, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

    /// <summary>The sample with one file's text changed by <paramref name="edit"/>.</summary>
    public static InMemoryFileProvider With(string path, Func<string, string> edit)
    {
        var files = Files();
        files[path] = edit(files.GetValueOrDefault(path) ?? "");
        return new InMemoryFileProvider(files);
    }

    /// <summary>Replaces exactly one occurrence, failing loudly if the text is not there.</summary>
    public static string ReplaceOnce(this string text, string oldValue, string newValue)
    {
        var index = text.IndexOf(oldValue, StringComparison.Ordinal);
        index.ShouldBeGreaterThanOrEqualTo(0, $"'{oldValue}' is not in the sample");
        return string.Concat(text.AsSpan(0, index), newValue, text.AsSpan(index + oldValue.Length));
    }
}

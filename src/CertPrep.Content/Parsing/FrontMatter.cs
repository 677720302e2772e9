namespace CertPrep.Content.Parsing;

/// <summary>Splits a markdown file into its YAML front matter (between two <c>---</c> lines) and its body.</summary>
/// <param name="Yaml">The YAML text, empty when the file has no front matter.</param>
/// <param name="YamlLine">1-based line of the first YAML line.</param>
/// <param name="Body">The markdown after the front matter.</param>
/// <param name="BodyLine">1-based line where the body starts.</param>
/// <param name="Present">Whether the file starts with front matter.</param>
/// <param name="Closed">Whether the front matter's closing <c>---</c> was found.</param>
public sealed record FrontMatter(string Yaml, int YamlLine, string Body, int BodyLine, bool Present, bool Closed)
{
    /// <summary>Splits <paramref name="text"/>. Line endings may be LF or CRLF.</summary>
    public static FrontMatter Split(string text)
    {
        var lines = SplitLines(text);
        if (lines.Count == 0 || lines[0].TrimEnd() != "---")
        {
            return new FrontMatter("", 1, text, 1, Present: false, Closed: false);
        }

        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
            {
                return new FrontMatter(
                    string.Join('\n', lines.Skip(1).Take(i - 1)),
                    2,
                    string.Join('\n', lines.Skip(i + 1)),
                    i + 2,
                    Present: true,
                    Closed: true);
            }
        }

        return new FrontMatter(string.Join('\n', lines.Skip(1)), 2, "", lines.Count + 1, Present: true, Closed: false);
    }

    /// <summary>Splits text into lines without their line terminators.</summary>
    public static List<string> SplitLines(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')];
}

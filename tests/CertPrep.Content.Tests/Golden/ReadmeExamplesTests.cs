using System.Text.RegularExpressions;
using CertPrep.Content.Model;
using CertPrep.Content.Rendering;
using CertPrep.Content.Tests.TestData;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace CertPrep.Content.Tests.Golden;

/// <summary>
/// Keeps content/README.md honest: its complete examples (each fenced block after a
/// <c>&lt;!-- example: path --&gt;</c> comment) are put together into one content folder that must load without a
/// single diagnostic, every check the code can report is listed with its severity, and the table of contents works.
/// </summary>
public sealed partial class ReadmeExamplesTests
{
    private static readonly string ReadmePath = Path.Combine(AppContext.BaseDirectory, "RepositoryContent", "README.md");

    private static readonly Lazy<string> Readme = new(() => File.ReadAllText(ReadmePath).Replace("\r\n", "\n", StringComparison.Ordinal));

    [Fact]
    public void Examples_LoadTogether_WithoutAnyErrorOrWarning()
    {
        var examples = Examples(Readme.Value);

        var library = ContentLoader.Load(new InMemoryFileProvider(examples));

        library.Diagnostics.ShouldBeEmpty($"The examples in content/README.md must load cleanly:\n{string.Join("\n", library.Diagnostics)}");
        library.RejectedFiles.ShouldBeEmpty();
    }

    [Fact]
    public void Examples_ShowEveryKindOfFile_AndEveryConstruct()
    {
        var examples = Examples(Readme.Value);
        var library = ContentLoader.Load(new InMemoryFileProvider(examples));

        examples.Keys.ShouldContain(p => p.EndsWith("/credential.yml", StringComparison.Ordinal));
        examples.Keys.ShouldContain(p => p.Contains("/modules/", StringComparison.Ordinal));
        examples.Keys.ShouldContain(p => p.Contains("/questions/", StringComparison.Ordinal));
        examples.Keys.ShouldContain(p => p.StartsWith("glossary/", StringComparison.Ordinal));
        examples.Keys.ShouldContain(p => p.EndsWith(".svg", StringComparison.Ordinal));

        library.Credentials.ShouldContain(c => c.Domains.All(d => d.Weight.Percent != null), "a credential weighted in percent");
        library.Credentials.ShouldContain(c => c.Domains.All(d => d.Weight.Items != null), "a credential weighted in items");
        library.Credentials.ShouldContain(c => c.Forms.Count > 1 && c.Forms.Any(f => f.DomainItems.Count > 0), "several forms, one with domainItems");
        library.Credentials.SelectMany(c => c.Domains).ShouldContain(d => d.Requires.Count > 0);
        library.Credentials.SelectMany(c => c.Forms).ShouldContain(f => !f.PretestItems.Confirmed, "an unconfirmed fact");
        Enum.GetValues<QuestionType>().ShouldAllBe(type => library.Questions.Any(q => q.Type == type));
        library.Questions.ShouldContain(q => q.Options.Any(o => o.Pinned));
        library.Questions.ShouldContain(q => q.Domains.Count > 1);
        library.Questions.ShouldContain(q => q.Answer != null && q.Answer.Unit != null);
        library.Questions.ShouldContain(q => q.Calculation != null && q.Calculation.Relative && q.Calculation.AnswerRange != null);
        library.Cases.ShouldContain(c => c.QuestionIds.Count >= 2);
        library.Terms.ShouldContain(t => t.Aliases.Count > 0 && t.Related.Count > 0);
        library.Modules.ShouldContain(m => m.Requires.Count > 0 && m.Summary == null);
        library.Modules.ShouldContain(m => m.KeyTerms.Count > 0 && m.Summary != null);

        var markdown = string.Join("\n", library.Modules.Select(m => m.Markdown));
        foreach (var construct in new[] { "> [!TIP]", "> [!EXAMPLE] Worked example:", "> [!FORMULA]", "$$", "| --- |", "![", "02-quality.md#", "glossary/terms.md#", "<script>" })
        {
            markdown.ShouldContain(construct, Case.Sensitive, $"the module examples should show {construct}");
        }
    }

    [Fact]
    public void Examples_AreWellFormed_OnePathEach()
    {
        var markers = MarkerRegex().Matches(Readme.Value).Select(m => m.Groups[1].Value).ToList();

        markers.ShouldNotBeEmpty();
        markers.ShouldBeUnique("each example path is shown once");
        Examples(Readme.Value).Keys.Order(StringComparer.Ordinal).ShouldBe(markers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Readme_ListsEveryDiagnosticCode_WithItsSeverity()
    {
        var (codes, warnings) = CodesInSource();
        var documented = TableRowRegex().Matches(Readme.Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);

        codes.Except(documented.Keys).ShouldBeEmpty("codes the content library reports but content/README.md does not list under 'Checks'");
        documented.Keys.Except(codes).ShouldBeEmpty("codes content/README.md lists that the content library never reports");
        foreach (var code in codes.Intersect(documented.Keys))
        {
            documented[code].ShouldBe(warnings.Contains(code) ? "warning" : "error", $"severity of {code}");
        }
    }

    [Fact]
    public void Readme_TableOfContents_LinksToHeadingsThatExist()
    {
        var document = ContentMarkdown.Parse(Readme.Value);
        var anchors = document.Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var links = ContentMarkdown.Links(document, 1).Where(l => l.Url.StartsWith('#')).ToList();

        links.Count.ShouldBeGreaterThan(20);
        links.Where(l => !anchors.Contains(l.Url[1..])).Select(l => $"{l.Url} (line {l.Line})").ShouldBeEmpty();
    }

    /// <summary>Each <c>&lt;!-- example: path --&gt;</c> comment and the fenced block after it, by path.</summary>
    private static Dictionary<string, string> Examples(string readme)
    {
        var lines = readme.Split('\n');
        var examples = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = MarkerRegex().Match(lines[i]);
            if (!marker.Success)
            {
                continue;
            }

            var path = marker.Groups[1].Value;
            var open = i + 1;
            while (open < lines.Length && lines[open].Trim().Length == 0)
            {
                open++;
            }

            var fence = open < lines.Length ? FenceRegex().Match(lines[open]) : Match.Empty;
            fence.Success.ShouldBeTrue($"README line {i + 1}: the example {path} must be followed by a fenced block");
            var run = fence.Groups[1].Value;
            var close = open + 1;
            while (close < lines.Length && !(lines[close].TrimEnd().Length >= run.Length && lines[close].TrimEnd().All(c => c == run[0])))
            {
                close++;
            }

            (close < lines.Length).ShouldBeTrue($"README line {open + 1}: the fence of the example {path} is never closed");
            examples.ContainsKey(path).ShouldBeFalse($"README line {i + 1}: the example {path} appears twice");
            examples[path] = string.Join('\n', lines[(open + 1)..close]) + "\n";
            i = close;
        }

        return examples;
    }

    /// <summary>The diagnostic codes in src/CertPrep.Content, and those reported as warnings.</summary>
    private static (HashSet<string> Codes, HashSet<string> Warnings) CodesInSource()
    {
        var source = SourceFolder();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var warnings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            codes.UnionWith(CodeRegex().Matches(text).Select(m => m.Groups[1].Value).Where(c => c != "credential.yml"));
            warnings.UnionWith(WarningRegex().Matches(text).Select(m => m.Groups[1].Value));
        }

        codes.ShouldNotBeEmpty($"no diagnostic code found under {source}");
        return (codes, warnings);
    }

    private static string SourceFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var source = Path.Combine(folder.FullName, "src", "CertPrep.Content");
            if (Directory.Exists(source))
            {
                return source;
            }
        }

        throw new DirectoryNotFoundException($"src/CertPrep.Content was not found above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^<!--\s*example:\s*(\S+)\s*-->\s*$", RegexOptions.Multiline)]
    private static partial Regex MarkerRegex();

    [GeneratedRegex(@"^(`{3,}|~{3,})[^`]*$")]
    private static partial Regex FenceRegex();

    [GeneratedRegex(@"^\| `([a-z]+\.[a-z-]+)` \| (error|warning) \|", RegexOptions.Multiline)]
    private static partial Regex TableRowRegex();

    [GeneratedRegex(@"""((?:content|credential|fact|module|questions?|calculated|glossary|link|markdown|yaml)\.[a-z][a-z-]*)[""\s]")]
    private static partial Regex CodeRegex();

    [GeneratedRegex(@"\.Warning\(\s*[^;]*?""((?:content|credential|fact|module|questions?|calculated|glossary|link|markdown|yaml)\.[a-z][a-z-]*)""", RegexOptions.Singleline)]
    private static partial Regex WarningRegex();
}

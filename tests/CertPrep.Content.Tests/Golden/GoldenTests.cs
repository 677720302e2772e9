using System.Text;
using CertPrep.Content.Diagnostics;
using CertPrep.Content.Parsing;
using CertPrep.Content.Rendering;
using CertPrep.Content.Tests.TestData;
using CertPrep.Content.Validation;
using Microsoft.Extensions.FileProviders;

namespace CertPrep.Content.Tests.Golden;

/// <summary>
/// Golden files: each folder under <c>Golden/Cases</c> holds one input and the output it must produce, checked in.
/// The input is added to the valid sample tree and the whole tree is loaded, so cross-file checks run too.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><c>module.md</c></term><description>a module at <c>demo/modules/golden.md</c>: <c>expected.txt</c> (front matter, sections, links), <c>expected.html</c>, <c>diagnostics.txt</c>.</description></item>
/// <item><term><c>input.md</c></term><description>markdown rendered on its own: <c>expected.html</c>.</description></item>
/// <item><term><c>questions.md</c></term><description>a question file at <c>demo/questions/golden.md</c>: <c>expected.txt</c>, <c>diagnostics.txt</c>.</description></item>
/// <item><term><c>glossary.md</c></term><description>a glossary file at <c>glossary/golden.md</c>: <c>expected.txt</c>, <c>diagnostics.txt</c>.</description></item>
/// <item><term><c>credential.yml</c></term><description>a credential at <c>golden/credential.yml</c>: <c>expected.txt</c>, <c>diagnostics.txt</c>.</description></item>
/// </list>
/// HTML is rendered with the sample glossary linked (<c>/glossary#id</c>) and relative links resolved to
/// <c>/content/&lt;path&gt;</c>. <c>expected.txt</c> is the parser's own result (so a rejected file still shows what
/// could be read); <c>diagnostics.txt</c> is every diagnostic of the whole tree. To accept new output, run the tests
/// with <c>CERTPREP_UPDATE_GOLDEN=1</c> and review the diff of the files.
/// </remarks>
public sealed class GoldenTests
{
    public const string UpdateVariable = "CERTPREP_UPDATE_GOLDEN";

    private static readonly Dictionary<string, string> TreePaths = new(StringComparer.Ordinal)
    {
        ["module.md"] = "demo/modules/golden.md",
        ["input.md"] = "demo/modules/golden.md",
        ["questions.md"] = "demo/questions/golden.md",
        ["glossary.md"] = "glossary/golden.md",
        ["credential.yml"] = "golden/credential.yml",
    };

    private static readonly string[] Outputs = ["expected.txt", "expected.html", "diagnostics.txt"];

    public static TheoryData<string> Cases => [.. CaseNames()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_ProducesItsCheckedInOutput(string name)
    {
        var folder = Path.Combine(CasesFolder(), name);
        var actual = Run(folder);
        var update = Environment.GetEnvironmentVariable(UpdateVariable) == "1";

        var problems = new List<string>();
        foreach (var (file, text) in actual)
        {
            var path = Path.Combine(folder, file);
            if (update)
            {
                File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                continue;
            }

            if (!File.Exists(path))
            {
                problems.Add($"{name}/{file} is missing: run the tests with {UpdateVariable}=1 to create it, then review it.");
                continue;
            }

            // Line endings and final newlines are whatever the editor or git made of them: they are not compared.
            var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
            if (expected != text.TrimEnd('\n'))
            {
                problems.Add($"{name}/{file} differs (- expected, + actual):\n{LineDiff.Unified(expected, text.TrimEnd('\n'))}");
            }
        }

        foreach (var stale in Outputs.Where(o => !actual.ContainsKey(o) && File.Exists(Path.Combine(folder, o))))
        {
            problems.Add($"{name}/{stale} is not produced for this kind of input: delete it.");
        }

        problems.ShouldBeEmpty($"\n{string.Join("\n\n", problems)}\n\nIf the new output is right, run the tests with {UpdateVariable}=1 and review the diff.");
    }

    [Fact]
    public void Cases_CoverEveryKindOfInput_WithOnlyKnownFiles()
    {
        var names = CaseNames();
        names.Count.ShouldBeGreaterThanOrEqualTo(8);
        var inputs = new List<string>();
        foreach (var name in names)
        {
            var files = Directory.GetFiles(Path.Combine(CasesFolder(), name)).Select(Path.GetFileName).ToList();
            var caseInputs = files.Where(f => TreePaths.ContainsKey(f!)).ToList();
            caseInputs.Count.ShouldBe(1, $"{name} needs exactly one input ({string.Join(", ", TreePaths.Keys)}), has {string.Join(", ", caseInputs)}");
            files.Where(f => !TreePaths.ContainsKey(f!) && !Outputs.Contains(f)).ShouldBeEmpty($"unknown files in {name}");
            inputs.Add(caseInputs[0]!);
        }

        inputs.Distinct().Order(StringComparer.Ordinal).ShouldBe(TreePaths.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>What a case produces: output file name to text.</summary>
    private static Dictionary<string, string> Run(string folder)
    {
        var input = TreePaths.Keys.Single(f => File.Exists(Path.Combine(folder, f)));
        var text = File.ReadAllText(Path.Combine(folder, input)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var path = TreePaths[input];
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input == "input.md")
        {
            outputs["expected.html"] = Render(text, path);
            return outputs;
        }

        var files = SampleContent.Files();
        files[path] = text;
        var library = ContentLoader.Load(new InMemoryFileProvider(files));
        outputs["diagnostics.txt"] = GoldenDump.Diagnostics(library.Diagnostics);

        var own = new DiagnosticBag();
        switch (input)
        {
            case "module.md":
                var module = ModuleParser.Parse(text, path, own, out var links);
                outputs["expected.txt"] = GoldenDump.Module(module, links);
                outputs["expected.html"] = Render(FrontMatter.Split(text).Body, path);
                break;
            case "questions.md":
                var parsed = QuestionFileParser.Parse(text, path, own);
                outputs["expected.txt"] = GoldenDump.Questions(parsed.Questions, parsed.Cases);
                break;
            case "glossary.md":
                outputs["expected.txt"] = GoldenDump.Glossary(GlossaryParser.Parse(text, path, own));
                break;
            default:
                outputs["expected.txt"] = GoldenDump.Credential(CredentialParser.Parse(text, path, own));
                break;
        }

        return outputs;
    }

    private static string Render(string markdown, string path)
    {
        var sample = ContentLoader.Load(new PhysicalFileProvider(SampleContent.Root));
        var glossary = new GlossaryIndex(sample.Terms.Select(t => (t.Id, t.Aliases.Prepend(t.Term), $"/glossary#{t.Id}")));
        var options = new RenderOptions(
            ResolveLink: url => ContentLinks.Resolve(path, url) is { } target ? $"/content/{target.Path}{(target.Anchor is null ? "" : "#" + target.Anchor)}" : null,
            Glossary: glossary);
        return ContentMarkdown.ToHtml(markdown, options);
    }

    private static List<string> CaseNames() =>
        [.. Directory.GetDirectories(CasesFolder()).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>The cases in the source tree (not the build output), so that updating writes the checked-in files.</summary>
    private static string CasesFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CertPrep.Content.Tests.csproj")))
            {
                return Path.Combine(folder.FullName, "Golden", "Cases");
            }
        }

        throw new DirectoryNotFoundException($"CertPrep.Content.Tests.csproj was not found above {AppContext.BaseDirectory}: the golden cases are read from the source tree.");
    }
}

/// <summary>A line diff in unified style, enough to read what changed in a golden file.</summary>
public static class LineDiff
{
    public static string Unified(string expected, string actual, int context = 3)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Kind, string Text, int Line)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', a[x], x + 1));
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                lines.Add(('-', a[x], x + 1));
                x++;
            }
            else
            {
                lines.Add(('+', b[y], y + 1));
                y++;
            }
        }

        var show = new bool[lines.Count];
        for (var k = 0; k < lines.Count; k++)
        {
            if (lines[k].Kind != ' ')
            {
                for (var c = Math.Max(0, k - context); c <= Math.Min(lines.Count - 1, k + context); c++)
                {
                    show[c] = true;
                }
            }
        }

        var output = new StringBuilder();
        for (var k = 0; k < lines.Count; k++)
        {
            if (!show[k])
            {
                continue;
            }

            if (output.Length > 0 && !show[k - 1])
            {
                output.Append("  …\n");
            }

            output.Append(lines[k].Kind).Append(' ').Append(lines[k].Text);
            output.Append(lines[k].Kind == ' ' ? "\n" : $"    ◂ line {lines[k].Line}\n");
        }

        return output.ToString();
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CertPrep.Content.Model;

namespace CertPrep.Content.Interop;

/// <summary>How imported questions are written as a question file.</summary>
/// <param name="FormatName">The format they come from, e.g. <c>GIFT</c>, named in placeholders and comments.</param>
/// <param name="SourceName">The imported file's name, named in the file's header comment.</param>
/// <param name="IdPrefix">Question ids are <c>&lt;prefix&gt;-001</c>, <c>&lt;prefix&gt;-002</c>, … in order.</param>
/// <param name="Domains">Domains for the front matter; without any the file does not pass the check until added.</param>
/// <param name="Topic">Topic for the front matter; without it each question takes its category, or a TODO placeholder.</param>
public sealed record MarkdownImportSettings(string FormatName, string SourceName, string IdPrefix, IReadOnlyList<DomainRef> Domains, string? Topic);

/// <summary>
/// Writes imported questions in the markdown question format (see <see cref="Parsing.QuestionFileParser"/>). What the
/// imported format could not say gets a value that parses but is clearly marked: <c>TODO:</c> rationales and
/// explanations, <c>bloom: remember</c> and <c>difficulty: medium</c> with a comment to review them, and no
/// <c>source</c> (which the check reports as a warning).
/// </summary>
public static partial class QuestionMarkdownWriter
{
    /// <summary>The topic given when neither the settings nor a category name one.</summary>
    public const string TopicPlaceholder = "TODO: topic";

    /// <summary>The Bloom level imported questions get until an author reviews them.</summary>
    public const BloomLevel DefaultBloom = BloomLevel.Remember;

    /// <summary>The difficulty imported questions get until an author reviews them.</summary>
    public const Difficulty DefaultDifficulty = Difficulty.Medium;

    /// <summary>The rationale of an option imported without feedback.</summary>
    public static string RationalePlaceholder(string formatName) => $"TODO: rationale (imported from {formatName} without feedback).";

    /// <summary>The explanation of a question imported without general feedback.</summary>
    public static string ExplanationPlaceholder(string formatName) => $"TODO: explanation (imported from {formatName} without general feedback).";

    /// <summary>The id of the <paramref name="number"/>-th (1-based) imported question.</summary>
    public static string Id(string prefix, int number) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{number:000}");

    /// <summary>Whether <paramref name="prefix"/> makes valid question ids (lower-case letters, digits, hyphens).</summary>
    public static bool IsValidIdPrefix(string prefix) => IdPrefixRegex().IsMatch(prefix);

    /// <summary>A default id prefix from a file name: <c>Inventory Quiz (v2).gift</c> gives <c>inventory-quiz-v2</c>.</summary>
    public static string IdPrefixFor(string fileName)
    {
        var slug = NonIdRegex().Replace(Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant(), "-").Trim('-');
        slug = slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
        return slug.Length == 0 ? "imported" : slug;
    }

    /// <summary>The whole question file.</summary>
    public static string Write(IReadOnlyList<ImportedQuestion> questions, MarkdownImportSettings settings)
    {
        var md = new StringBuilder();
        md.Append("---\n");
        md.Append(CultureInfo.InvariantCulture, $"# Imported from {settings.FormatName} ({OneLine(settings.SourceName)}) by certprep-authoring.\n");
        md.Append("# Review every TODO: bloom and difficulty are defaults, and each question needs a 'source'.\n");
        if (settings.Domains.Count == 0)
        {
            md.Append("# TODO: add 'domains: [<credential>/<domain>]' here: without domains the questions do not pass the check.\n");
        }
        else
        {
            md.Append("domains: [").AppendJoin(", ", settings.Domains.Select(d => YamlScalar(d.ToString()))).Append("]\n");
        }

        if (settings.Topic is not null)
        {
            md.Append("topic: ").Append(YamlScalar(settings.Topic)).Append('\n');
        }

        md.Append("---\n");
        for (var i = 0; i < questions.Count; i++)
        {
            md.Append('\n');
            WriteQuestion(md, questions[i], Id(settings.IdPrefix, i + 1), settings);
        }

        return md.ToString();
    }

    /// <summary>A YAML scalar: plain when that is unambiguous, otherwise double-quoted with escapes.</summary>
    public static string YamlScalar(string value) =>
        PlainYamlRegex().IsMatch(value) ? value : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static void WriteQuestion(StringBuilder md, ImportedQuestion question, string id, MarkdownImportSettings settings)
    {
        md.Append("## Question ").Append(id).Append("\n\n```yaml\n");
        var origin = question.Title is null ? $"line {question.Line}" : $"line {question.Line}, '{OneLine(question.Title)}'";
        md.Append(CultureInfo.InvariantCulture, $"# From {settings.FormatName} {origin}. Review bloom and difficulty (imported defaults) and add 'source'.\n");
        if (question.Type != QuestionType.Single)
        {
            md.Append("type: ").Append(question.Type.ToString().ToLowerInvariant()).Append('\n');
        }

        if (settings.Topic is null)
        {
            md.Append("topic: ").Append(YamlScalar(question.Category ?? TopicPlaceholder)).Append('\n');
        }

        md.Append("bloom: ").Append(DefaultBloom.ToString().ToLowerInvariant()).Append('\n');
        md.Append("difficulty: ").Append(DefaultDifficulty.ToString().ToLowerInvariant()).Append('\n');
        if (question.Type == QuestionType.Numeric)
        {
            md.Append(CultureInfo.InvariantCulture, $"answer: {question.Answer:R}\n");
            md.Append(CultureInfo.InvariantCulture, $"tolerance: {question.Tolerance:R}\n");
        }

        md.Append("```\n\n");
        AppendBlock(md, question.Stem);
        md.Append('\n');
        if (question.Options.Count > 0)
        {
            foreach (var option in question.Options)
            {
                md.Append(option.IsKey ? "- [x] " : "- [ ] ").Append(OneLine(option.Text)).Append('\n');
                var rationale = string.IsNullOrWhiteSpace(option.Feedback) ? RationalePlaceholder(settings.FormatName) : option.Feedback.Trim();
                foreach (var line in rationale.Split('\n'))
                {
                    md.Append(line.Trim().Length == 0 ? "  >" : "  > " + line.TrimEnd()).Append('\n');
                }
            }

            md.Append('\n');
        }

        md.Append("### Explanation\n\n");
        AppendBlock(md, string.IsNullOrWhiteSpace(question.Explanation) ? ExplanationPlaceholder(settings.FormatName) : question.Explanation);
    }

    /// <summary>Markdown text whose lines cannot be read as a heading, an option or a fence of the question format.</summary>
    private static void AppendBlock(StringBuilder md, string text)
    {
        foreach (var line in text.Trim().Split('\n'))
        {
            md.Append(StructuralLineRegex().IsMatch(line) ? "\\" + line.TrimStart() : line.TrimEnd()).Append('\n');
        }
    }

    private static string OneLine(string text) => LineBreakRegex().Replace(text.Trim(), " ");

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,90}$")]
    private static partial Regex IdPrefixRegex();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonIdRegex();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 _./()-]*(?<! )$")]
    private static partial Regex PlainYamlRegex();

    [GeneratedRegex(@"^[ \t]{0,3}(#|```|~~~|[-*][ \t]+\[[ xX]\])")]
    private static partial Regex StructuralLineRegex();

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex LineBreakRegex();
}

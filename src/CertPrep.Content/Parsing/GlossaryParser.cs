using System.Text;
using System.Text.RegularExpressions;
using CertPrep.Content.Diagnostics;
using CertPrep.Content.Model;

namespace CertPrep.Content.Parsing;

/// <summary>
/// Reads a glossary file: optional front matter (<c>credentials</c> default), then one <c>## Term</c> heading per
/// term, an optional ```yaml fence (aliases, related, credentials) and the definition. The term's id is the heading's
/// GitHub anchor, so <c>glossary/inventory.md#safety-stock</c> links work on GitHub and on the site alike.
/// </summary>
public static partial class GlossaryParser
{
    /// <summary>Parses the file; terms with errors are left out.</summary>
    public static IReadOnlyList<GlossaryTerm> Parse(string text, string path, DiagnosticBag diagnostics)
    {
        var split = FrontMatter.Split(text);
        IReadOnlyList<string> defaultCredentials = [];
        if (split.Present && YamlMap.Parse(split.Yaml, path, split.YamlLine, diagnostics) is { } front)
        {
            defaultCredentials = front.StringList("credentials");
            front.ReportUnknownKeys();
        }

        var lines = FrontMatter.SplitLines(split.Body);
        var terms = new List<GlossaryTerm>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var inFence = false;
        var starts = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence && TermHeadingRegex().IsMatch(lines[i]))
            {
                starts.Add(i);
            }
        }

        for (var s = 0; s < starts.Count; s++)
        {
            var start = starts[s];
            var end = s + 1 < starts.Count ? starts[s + 1] : lines.Count;
            var line = split.BodyLine + start;
            // Closing #s and trailing blanks are trimmed in code: a regex doing it backtracks badly on long runs of spaces.
            var term = TermHeadingRegex().Match(lines[start]).Groups[1].Value.TrimEnd().TrimEnd('#').TrimEnd();
            var id = Slug(term);
            var at = new SourceLocation(path, line, 1);
            if (seen.TryGetValue(id, out var firstLine))
            {
                diagnostics.Error(at, "glossary.duplicate", $"The term '{term}' is already defined at line {firstLine}.");
                continue;
            }

            seen[id] = line;
            var index = start + 1;
            while (index < end && string.IsNullOrWhiteSpace(lines[index]))
            {
                index++;
            }

            IReadOnlyList<string> aliases = [], related = [], credentials = defaultCredentials;
            var ok = true;
            if (index < end && YamlFenceRegex().IsMatch(lines[index]))
            {
                var close = index + 1;
                while (close < end && !lines[close].TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    close++;
                }

                if (close >= end)
                {
                    diagnostics.Error(new(path, split.BodyLine + index, 1), "glossary.unclosed-metadata", "The ```yaml fence is never closed.");
                    continue;
                }

                var errors = diagnostics.Items.Count;
                if (YamlMap.Parse(string.Join('\n', lines.Skip(index + 1).Take(close - index - 1)), path, split.BodyLine + index + 1, diagnostics) is { } meta)
                {
                    aliases = meta.StringList("aliases");
                    related = meta.StringList("related");
                    credentials = meta.Has("credentials") ? meta.StringList("credentials") : defaultCredentials;
                    meta.ReportUnknownKeys();
                }

                ok = !diagnostics.Items.Skip(errors).Any(d => d.Severity == Severity.Error);
                index = close + 1;
            }

            var definition = string.Join('\n', lines.Skip(index).Take(end - index)).Trim();
            if (definition.Length == 0)
            {
                diagnostics.Error(at, "glossary.no-definition", $"The term '{term}' has no definition.");
            }

            if (credentials.Count == 0)
            {
                diagnostics.Error(at, "glossary.no-credentials", $"Say which credentials use '{term}' ('credentials:' in its metadata or in the file's front matter).");
            }

            // Kept even with errors (the loader leaves the file out) so links to the term do not fail as well.
            if (ok)
            {
                terms.Add(new GlossaryTerm(id, term, definition, aliases, related, credentials, at));
            }
        }

        return terms;
    }

    /// <summary>GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens.</summary>
    public static string Slug(string heading)
    {
        var builder = new StringBuilder(heading.Length);
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                builder.Append(c);
            }
            else if (c == ' ')
            {
                builder.Append('-');
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^##[ \t]+(\S.*)$")]
    private static partial Regex TermHeadingRegex();

    [GeneratedRegex(@"^[ \t]*```[ \t]*ya?ml[ \t]*$", RegexOptions.IgnoreCase)]
    private static partial Regex YamlFenceRegex();
}

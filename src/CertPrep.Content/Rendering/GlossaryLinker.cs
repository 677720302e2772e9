using System.Globalization;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CertPrep.Content.Rendering;

/// <summary>Glossary terms and aliases, matched as whole words regardless of case, each with the URL of its entry.</summary>
public sealed class GlossaryIndex
{
    private readonly Dictionary<string, (string Id, string Url)> _byPhrase = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Id, string Url)>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly Dictionary<char, int[]> _lengthsByFirstChar; // upper-cased first character: phrase lengths, longest first

    /// <summary>Builds the index from (term id, phrases, url) entries; longer phrases win when they overlap.</summary>
    public GlossaryIndex(IEnumerable<(string Id, IEnumerable<string> Phrases, string Url)> entries)
    {
        foreach (var (id, phrases, url) in entries)
        {
            foreach (var phrase in phrases.Select(p => p.Trim()).Where(p => p.Length >= 2))
            {
                _byPhrase.TryAdd(phrase, (id, url));
            }
        }

        _bySpan = _byPhrase.GetAlternateLookup<ReadOnlySpan<char>>();
        _lengthsByFirstChar = _byPhrase.Keys.GroupBy(k => char.ToUpperInvariant(k[0]))
            .ToDictionary(g => g.Key, g => g.Select(k => k.Length).Distinct().OrderDescending().ToArray());
    }

    internal bool IsEmpty => _byPhrase.Count == 0;

    internal (string Id, string Url) Lookup(string phrase) => _byPhrase[phrase];

    /// <summary>
    /// The phrases in <paramref name="text"/> as whole words (neither side touches a letter, digit, underscore or
    /// hyphen), left to right, the longest phrase where several start at the same place, never overlapping. A
    /// dictionary probe per word start and phrase length: a regex alternation of the ~1,000 phrases took 90 ms on a
    /// long module, this takes well under one.
    /// </summary>
    internal IEnumerable<(int Index, int Length)> Matches(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var length = i > 0 && IsWordOrHyphen(text[i - 1]) ? 0 : LongestAt(text, i);
            if (length > 0)
            {
                yield return (i, length);
                i += length;
            }
            else
            {
                i++;
            }
        }
    }

    private int LongestAt(string text, int start)
    {
        if (!_lengthsByFirstChar.TryGetValue(char.ToUpperInvariant(text[start]), out var lengths))
        {
            return 0;
        }

        foreach (var length in lengths)
        {
            var end = start + length;
            if (end <= text.Length && (end == text.Length || !IsWordOrHyphen(text[end])) && _bySpan.ContainsKey(text.AsSpan(start, length)))
            {
                return length;
            }
        }

        return 0;
    }

    /// <summary>What <c>[\w-]</c> matches in a .NET regular expression.</summary>
    private static bool IsWordOrHyphen(char c) =>
        c == '-' || char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.ConnectorPunctuation
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}

/// <summary>Links the first occurrence of each glossary term per section (a section starts at each heading).</summary>
internal static class GlossaryLinker
{
    public static void Link(MarkdownDocument document, GlossaryIndex glossary)
    {
        if (glossary.IsEmpty)
        {
            return;
        }

        JoinSoftBreaks(document);
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block is HeadingBlock)
            {
                linked.Clear(); // a new section: terms may be linked again
                continue;
            }

            if (block.Inline is null || block is CodeBlock)
            {
                continue;
            }

            foreach (var literal in block.Inline.Descendants<LiteralInline>().ToList())
            {
                if (literal.FirstParentOfType<LinkInline>() is not null)
                {
                    continue;
                }

                LinkLiteral(literal, glossary, linked);
            }
        }
    }

    /// <summary>A term wrapped onto the next line is still the term: join "text⏎text" literals with a space (HTML shows a soft break as a space anyway).</summary>
    private static void JoinSoftBreaks(MarkdownDocument document)
    {
        foreach (var lineBreak in document.Descendants<LineBreakInline>().Where(b => !b.IsHard).ToList())
        {
            if (lineBreak.PreviousSibling is LiteralInline before && lineBreak.NextSibling is LiteralInline after
                && before.FirstParentOfType<LinkInline>() is null)
            {
                before.Content = new Markdig.Helpers.StringSlice(before.Content.ToString() + " " + after.Content.ToString());
                after.Remove();
                lineBreak.Remove();
            }
        }
    }

    private static void LinkLiteral(LiteralInline literal, GlossaryIndex glossary, HashSet<string> linked)
    {
        var text = literal.Content.ToString();
        foreach (var (index, length) in glossary.Matches(text))
        {
            var phrase = text.Substring(index, length);
            var (id, url) = glossary.Lookup(phrase);
            if (!linked.Add(id))
            {
                continue;
            }

            var before = text[..index];
            var after = text[(index + length)..];
            var link = new LinkInline(url, title: "") { IsClosed = true };
            link.GetAttributes().AddClass("term");
            link.AppendChild(new LiteralInline(phrase));
            literal.Content = new Markdig.Helpers.StringSlice(before);
            literal.InsertAfter(link);
            var rest = new LiteralInline(after);
            link.InsertAfter(rest);
            LinkLiteral(rest, glossary, linked); // other terms later in the same text
            return;
        }
    }
}

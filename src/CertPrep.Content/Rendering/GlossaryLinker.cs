using System.Text.RegularExpressions;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CertPrep.Content.Rendering;

/// <summary>Glossary terms and aliases, matched as whole words regardless of case, each with the URL of its entry.</summary>
public sealed class GlossaryIndex
{
    private readonly Dictionary<string, (string Id, string Url)> _byPhrase = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds the index from (term id, phrases, url) entries; longer phrases win when they overlap.</summary>
    public GlossaryIndex(IEnumerable<(string Id, IEnumerable<string> Phrases, string Url)> entries)
    {
        foreach (var (id, phrases, url) in entries)
        {
            foreach (var phrase in phrases.Where(p => p.Trim().Length >= 2))
            {
                _byPhrase.TryAdd(phrase.Trim(), (id, url));
            }
        }

        var alternatives = _byPhrase.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape);
        Pattern = _byPhrase.Count == 0 ? null : new Regex($@"(?<![\w-])({string.Join("|", alternatives)})(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    internal Regex? Pattern { get; }

    internal (string Id, string Url) Lookup(string phrase) => _byPhrase[phrase];
}

/// <summary>Links the first occurrence of each glossary term per section (a section starts at each heading).</summary>
internal static class GlossaryLinker
{
    public static void Link(MarkdownDocument document, GlossaryIndex glossary)
    {
        if (glossary.Pattern is null)
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
        foreach (Match match in glossary.Pattern!.Matches(text))
        {
            var (id, url) = glossary.Lookup(match.Value);
            if (!linked.Add(id))
            {
                continue;
            }

            var before = text[..match.Index];
            var after = text[(match.Index + match.Length)..];
            var link = new LinkInline(url, title: "") { IsClosed = true };
            link.GetAttributes().AddClass("term");
            link.AppendChild(new LiteralInline(match.Value));
            literal.Content = new Markdig.Helpers.StringSlice(before);
            literal.InsertAfter(link);
            var rest = new LiteralInline(after);
            link.InsertAfter(rest);
            LinkLiteral(rest, glossary, linked); // other terms later in the same text
            return;
        }
    }
}

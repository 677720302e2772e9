using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CertPrep.Content.Rendering;

/// <summary>
/// The one markdown pipeline for all content: built once (Markdig pipelines are immutable and thread-safe), raw HTML
/// disabled (it is shown as text), extensions listed explicitly, unsafe link schemes neutralised, callouts
/// (<c>&gt; [!TIP]</c>, example, warning, formula, note) and math (<c>$…$</c>, <c>$$…$$</c>, rendered by KaTeX in
/// the browser and readable as TeX without it).
/// </summary>
public static partial class ContentMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseMathematics()
        .UseFootnotes()
        .DisableHtml()
        .Build();

    /// <summary>The callout kinds authors may use.</summary>
    public static readonly IReadOnlyList<string> CalloutKinds = ["example", "tip", "warning", "formula", "note"];

    /// <summary>Parses markdown and applies the content rules (callouts, safe links).</summary>
    public static MarkdownDocument Parse(string markdown)
    {
        TryParse(markdown, out var document); // too deep: the fallback document, shown as plain text
        return document;
    }

    /// <summary>
    /// Parses markdown; false when it is nested deeper than the parser allows, in which case the document holds the
    /// text as one plain paragraph (shown escaped, never as markup).
    /// </summary>
    public static bool TryParse(string markdown, out MarkdownDocument document)
    {
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses documents nested beyond its depth limit.
            document = [];
            var paragraph = new ParagraphBlock { Inline = new ContainerInline() };
            paragraph.Inline.AppendChild(new LiteralInline(markdown));
            document.Add(paragraph);
            return false;
        }

        MarkCallouts(document);
        NeutraliseUnsafeLinks(document);
        return true;
    }

    /// <summary>The plain text of a heading or other leaf block: literals, code, math and entities, line breaks as spaces.</summary>
    public static string PlainText(ContainerInline? inline)
    {
        var text = new System.Text.StringBuilder();
        foreach (var node in inline?.Descendants() ?? [])
        {
            _ = node switch
            {
                LiteralInline literal => text.Append(literal.Content.ToString()),
                CodeInline code => text.Append(code.Content),
                Markdig.Extensions.Mathematics.MathInline math => text.Append(math.Content.ToString()),
                HtmlEntityInline entity => text.Append(entity.Transcoded.ToString()),
                LineBreakInline => text.Append(' '),
                _ => text,
            };
        }

        return text.ToString().Trim();
    }

    /// <summary>Renders markdown to HTML that is safe to put in a page.</summary>
    public static string ToHtml(string markdown, RenderOptions? options = null)
    {
        var document = Parse(markdown);
        options ??= RenderOptions.Default;
        if (options.ResolveLink is { } resolve)
        {
            foreach (var link in document.Descendants<LinkInline>())
            {
                if (link.Url is { } url && IsRelative(url) && resolve(url) is { } resolved)
                {
                    link.Url = resolved;
                }
            }
        }

        if (options.Glossary is { } glossary)
        {
            GlossaryLinker.Link(document, glossary);
        }

        if (options.ShiftHeadings > 0)
        {
            foreach (var heading in document.Descendants<HeadingBlock>())
            {
                heading.Level = Math.Min(6, heading.Level + options.ShiftHeadings);
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<QuoteBlockRenderer>(new CalloutRenderer());
        try
        {
            renderer.Render(document);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            // Nesting the renderer cannot follow: show the text as written rather than fail the page.
            return $"<p>{System.Net.WebUtility.HtmlEncode(markdown)}</p>";
        }

        return writer.ToString();
    }

    /// <summary>Every link and image in the markdown, with 1-based positions offset by <paramref name="firstLine"/>.</summary>
    public static IReadOnlyList<MarkdownLink> Links(MarkdownDocument document, int firstLine) =>
        [.. document.Descendants<LinkInline>().Select(l => new MarkdownLink(
            l.GetData(OriginalUrlKey) as string ?? l.Url ?? "",
            l.IsImage,
            string.Concat(l.Descendants<LiteralInline>().Select(t => t.Content.ToString())).Trim(),
            l.Line + firstLine,
            l.Column + 1)),
        .. document.Descendants<LiteralInline>().Where(l => l.GetData(OriginalUrlKey) is string).Select(l => new MarkdownLink(
            (string)l.GetData(OriginalUrlKey)!, false, l.Content.ToString(), l.Line + firstLine, l.Column + 1)),
        .. document.Descendants<AutolinkInline>().Select(a => new MarkdownLink(a.Url, false, a.Url, a.Line + firstLine, a.Column + 1))];

    /// <summary>Whether a URL is relative (a path in the content), not absolute or a fragment-only link.</summary>
    public static bool IsRelative(string url) => url.Length > 0 && !url.StartsWith('#') && !SchemeRegex().IsMatch(url) && !url.StartsWith("//", StringComparison.Ordinal);

    /// <summary>Whether a URL may appear in a rendered page (http, https, mailto or relative).</summary>
    public static bool IsSafe(string url) => !SchemeRegex().IsMatch(url) || AllowedSchemeRegex().IsMatch(url);

    /// <summary>Data key on a callout block: its kind.</summary>
    internal const string CalloutKindKey = "certprep.callout";

    /// <summary>Data key on a callout block: its title, if written.</summary>
    internal const string CalloutTitleKey = "certprep.callout.title";

    private const string OriginalUrlKey = "certprep.original-url";

    private static void MarkCallouts(MarkdownDocument document)
    {
        foreach (var quote in document.Descendants<QuoteBlock>())
        {
            if (quote.FirstOrDefault() is not ParagraphBlock { Inline.FirstChild: LiteralInline } paragraph)
            {
                continue;
            }

            // Markdig splits "[!TIP] Title" into several literals ('[' may start a link): read the whole first line.
            var firstLine = new List<Inline>();
            for (var inline = paragraph.Inline!.FirstChild; inline is LiteralInline; inline = inline.NextSibling)
            {
                firstLine.Add(inline);
            }

            var match = CalloutRegex().Match(string.Concat(firstLine.Cast<LiteralInline>().Select(l => l.Content.ToString())));
            if (!match.Success)
            {
                continue;
            }

            quote.SetData(CalloutKindKey, match.Groups[1].Value.ToLowerInvariant());
            var title = match.Groups[2].Value.Trim();
            if (title.Length > 0)
            {
                quote.SetData(CalloutTitleKey, title);
            }

            // Drop the marker line: its literals, and the line break after it.
            var next = firstLine[^1].NextSibling;
            firstLine.ForEach(inline => inline.Remove());
            if (next is LineBreakInline)
            {
                next.Remove();
            }

            if (paragraph.Inline.FirstChild is null)
            {
                quote.Remove(paragraph);
            }
        }
    }

    private static void NeutraliseUnsafeLinks(MarkdownDocument document)
    {
        // <javascript:…> autolinks: replaced by their text, with the URL kept for the validator's report.
        foreach (var autolink in document.Descendants<AutolinkInline>().Where(a => !a.IsEmail && !IsSafe(a.Url)).ToList())
        {
            var text = new LiteralInline(autolink.Url) { Line = autolink.Line, Column = autolink.Column };
            text.SetData(OriginalUrlKey, autolink.Url);
            autolink.ReplaceBy(text);
        }

        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is { } url && !IsSafe(url))
            {
                link.SetData(OriginalUrlKey, url);
                link.Url = "#";
            }
        }
    }

    [GeneratedRegex(@"^\[!(example|tip|warning|formula|note)\][ \t]*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex CalloutRegex();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.\-]*:")]
    private static partial Regex SchemeRegex();

    [GeneratedRegex(@"^(https?|mailto):", RegexOptions.IgnoreCase)]
    private static partial Regex AllowedSchemeRegex();

    /// <summary>Writes a callout as an <c>aside</c> with a visible title; plain quotes stay blockquotes.</summary>
    private sealed class CalloutRenderer : QuoteBlockRenderer
    {
        private static readonly Dictionary<string, string> DefaultTitles = new(StringComparer.Ordinal)
        {
            ["example"] = "Example",
            ["tip"] = "Tip",
            ["warning"] = "Warning",
            ["formula"] = "Formula",
            ["note"] = "Note",
        };

        protected override void Write(HtmlRenderer renderer, QuoteBlock obj)
        {
            if (obj.GetData(CalloutKindKey) is not string kind)
            {
                base.Write(renderer, obj);
                return;
            }

            var title = obj.GetData(CalloutTitleKey) as string ?? DefaultTitles[kind];
            renderer.EnsureLine();
            renderer.Write("<aside class=\"callout callout-").Write(kind).Write("\" aria-label=\"").WriteEscape(title).WriteLine("\">");
            renderer.Write("<p class=\"callout-title\">").WriteEscape(title).WriteLine("</p>");
            var implicitParagraph = renderer.ImplicitParagraph;
            renderer.ImplicitParagraph = false;
            renderer.WriteChildren(obj);
            renderer.ImplicitParagraph = implicitParagraph;
            renderer.WriteLine("</aside>");
        }
    }
}

/// <summary>A link or image found in markdown.</summary>
/// <param name="Url">The URL as written (before any neutralising).</param>
/// <param name="IsImage">Whether it is an image.</param>
/// <param name="Text">Link text, or an image's alt text.</param>
/// <param name="Line">1-based line in the file.</param>
/// <param name="Column">1-based column.</param>
public sealed record MarkdownLink(string Url, bool IsImage, string Text, int Line, int Column);

/// <summary>How markdown is turned into a page fragment.</summary>
/// <param name="ResolveLink">Maps a relative content link (e.g. <c>demand.md#forecast-error</c>) to a site URL; null keeps it.</param>
/// <param name="Glossary">Terms to link on their first occurrence in each section.</param>
/// <param name="ShiftHeadings">Levels to push headings down (a fragment inside a page that has its own h1).</param>
public sealed record RenderOptions(Func<string, string?>? ResolveLink = null, GlossaryIndex? Glossary = null, int ShiftHeadings = 0)
{
    /// <summary>No link resolution, no glossary links.</summary>
    public static readonly RenderOptions Default = new();
}

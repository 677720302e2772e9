using CertPrep.Content.Diagnostics;
using CertPrep.Content.Parsing;
using CertPrep.Content.Rendering;

namespace CertPrep.Content.Tests.Rendering;

/// <summary>
/// The one markdown pipeline: what authors write and what the page receives. Raw HTML is text, unsafe links go
/// nowhere, callouts and math come out in the shape the site's CSS and KaTeX expect.
/// </summary>
public sealed class ContentMarkdownTests
{
    // ---- raw HTML -----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("<img src=x onerror=alert(1)>", "<img", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe", "&lt;iframe src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt;")]
    [InlineData("Text with <b onclick=\"steal()\">inline</b> tags.", "<b ", "&lt;b onclick=&quot;steal()&quot;&gt;inline&lt;/b&gt;")]
    [InlineData("<svg onload=alert(1)><circle/></svg>", "<svg", "&lt;svg onload=alert(1)&gt;&lt;circle/&gt;&lt;/svg&gt;")]
    [InlineData("<!-- hidden --><style>body{display:none}</style>", "<style", "&lt;!-- hidden --&gt;&lt;style&gt;")]
    [InlineData("| a |\n| - |\n| <script>x</script> |", "<script", "&lt;script&gt;x&lt;/script&gt;")]
    [InlineData("> [!TIP]\n> <script>x</script>", "<script", "&lt;script&gt;x&lt;/script&gt;")]
    [InlineData("[<img src=x onerror=alert(1)>](https://example.com)", "<img", "&lt;img src=x onerror=alert(1)&gt;")]
    public void ToHtml_ShowsRawHtmlAsText_NeverAsMarkup(string markdown, string forbidden, string escaped)
    {
        var html = ContentMarkdown.ToHtml(markdown);

        html.ShouldNotContain(forbidden, Case.Insensitive);
        html.ShouldContain(escaped);
    }

    // ---- links ----------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](<javascript:alert(1)>)")]
    [InlineData("[x](javascript&colon;alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](file:///etc/passwd)")]
    [InlineData("[x][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("Note[^1].\n\n[^1]: See [x](javascript:alert(1)).")]
    public void ToHtml_NeutralisesUnsafeLinkSchemes_ToAFragment(string markdown)
    {
        var html = ContentMarkdown.ToHtml(markdown);

        html.ShouldContain("<a href=\"#\">x</a>");
        html.ShouldNotContain("script:", Case.Insensitive);
        html.ShouldNotContain("data:", Case.Insensitive);
        html.ShouldNotContain("file:", Case.Insensitive);
    }

    [Theory]
    [InlineData("![chart](javascript:alert(1))")]
    [InlineData("![chart](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)")]
    public void ToHtml_NeutralisesUnsafeImageSources(string markdown)
    {
        var html = ContentMarkdown.ToHtml(markdown);

        html.ShouldBe("<p><img src=\"#\" alt=\"chart\" /></p>\n");
    }

    /// <summary>
    /// BUG (src/CertPrep.Content/Rendering/ContentMarkdown.cs, NeutraliseUnsafeLinks): CommonMark autolinks
    /// (<c>&lt;javascript:alert(1)&gt;</c>) are <c>AutolinkInline</c>s, not <c>LinkInline</c>s, so they are neither
    /// neutralised nor returned by <c>Links</c> for the validator: the page gets a clickable <c>javascript:</c> link.
    /// </summary>
    [Fact]
    public void ToHtml_NeutralisesUnsafeAutolinks_AndLinksReportsThem()
    {
        string[] autolinks = ["<javascript:alert(1)>", "<JAVASCRIPT:alert(document.cookie)>", "<vbscript:msgbox(1)>", "<data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>"];

        var failures = new List<string>();
        foreach (var markdown in autolinks)
        {
            var html = ContentMarkdown.ToHtml(markdown);
            if (html.Contains("href=\"javascript:", StringComparison.OrdinalIgnoreCase) || html.Contains("href=\"vbscript:", StringComparison.OrdinalIgnoreCase)
                || html.Contains("href=\"data:", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{markdown} renders as {html.TrimEnd()}");
            }

            if (ContentMarkdown.Links(ContentMarkdown.Parse(markdown), 1).Count != 1)
            {
                failures.Add($"{markdown} is not among Links(), so the validator cannot report link.unsafe");
            }
        }

        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    [Theory]
    [InlineData("[x](https://www.ascm.org/)", "<a href=\"https://www.ascm.org/\">x</a>")]
    [InlineData("[x](http://example.com/a?b=1&c=2)", "<a href=\"http://example.com/a?b=1&amp;c=2\">x</a>")]
    [InlineData("[x](HTTPS://EXAMPLE.COM)", "<a href=\"HTTPS://EXAMPLE.COM\">x</a>")]
    [InlineData("[x](mailto:authors@example.com)", "<a href=\"mailto:authors@example.com\">x</a>")]
    [InlineData("[x](02-quality.md#measuring-quality)", "<a href=\"02-quality.md#measuring-quality\">x</a>")]
    [InlineData("[x](../../glossary/terms.md#safety-stock)", "<a href=\"../../glossary/terms.md#safety-stock\">x</a>")]
    [InlineData("[x](#measuring-quality)", "<a href=\"#measuring-quality\">x</a>")]
    [InlineData("<https://example.com/path>", "<a href=\"https://example.com/path\">https://example.com/path</a>")]
    [InlineData("<authors@example.com>", "<a href=\"mailto:authors@example.com\">authors@example.com</a>")]
    [InlineData("![Flow of goods](../images/flow.svg)", "<img src=\"../images/flow.svg\" alt=\"Flow of goods\" />")]
    public void ToHtml_KeepsSafeLinks(string markdown, string expected) =>
        ContentMarkdown.ToHtml(markdown).ShouldBe($"<p>{expected}</p>\n");

    [Theory]
    [InlineData("https://example.com", true, false)]
    [InlineData("http://example.com", true, false)]
    [InlineData("mailto:someone@example.com", true, false)]
    [InlineData("02-quality.md#measuring-quality", true, true)]
    [InlineData("../images/flow.svg", true, true)]
    [InlineData("/absolute/path", true, true)]
    [InlineData("#fragment", true, false)]
    [InlineData("//cdn.example.com/x.js", true, false)]
    [InlineData("javascript:alert(1)", false, false)]
    [InlineData("data:text/html,x", false, false)]
    [InlineData("vbscript:x", false, false)]
    [InlineData("ftp://example.com", false, false)]
    public void IsSafe_AndIsRelative_ClassifyUrls(string url, bool safe, bool relative)
    {
        ContentMarkdown.IsSafe(url).ShouldBe(safe);
        ContentMarkdown.IsRelative(url).ShouldBe(relative);
    }

    [Fact]
    public void Links_ReportsTheUrlAsWritten_EvenWhenItWasNeutralised()
    {
        var document = ContentMarkdown.Parse("Try [this](javascript:alert(1)) and ![a chart](chart.svg).");

        ContentMarkdown.Links(document, 1).ShouldBe(
        [
            new MarkdownLink("javascript:alert(1)", false, "this", 1, 5),
            new MarkdownLink("chart.svg", true, "a chart", 1, 37),
        ]);
    }

    [Fact]
    public void Links_LocatesEveryLink_ByLineAndColumnInTheFile()
    {
        const string markdown = """
            Intro line one
            and a [second line](a.md) here.

            | Col | Link |
            | --- | --- |
            | x | [in a table](b.md) |

            - item
              - nested [in a list](c.md)

            > quote
            > > nested [in a quote](d.md)

            **bold [in bold](e.md)**
            """;

        var links = ContentMarkdown.Links(ContentMarkdown.Parse(markdown), 10);

        links.Select(l => (l.Url, l.Line, l.Column)).ShouldBe(
        [
            ("a.md", 11, 7),
            ("b.md", 15, 7),
            ("c.md", 18, 12),
            ("d.md", 21, 12),
            ("e.md", 23, 8),
        ]);
    }

    // ---- ResolveLink and ShiftHeadings -------------------------------------------------------------------------------

    [Fact]
    public void ToHtml_RewritesRelativeLinksAndImages_WithResolveLink()
    {
        var seen = new List<string>();
        var options = new RenderOptions(ResolveLink: url =>
        {
            seen.Add(url);
            return url.StartsWith("keep", StringComparison.Ordinal) ? null : "/learn/" + url.Replace(".md", "", StringComparison.Ordinal);
        });

        var html = ContentMarkdown.ToHtml(
            "[m](02-quality.md#measuring-quality) [k](keep.md) [w](https://example.com) [f](#top) [e](mailto:a@example.com) [j](javascript:alert(1)) ![i](../images/flow.svg)",
            options);

        html.ShouldBe(
            "<p><a href=\"/learn/02-quality#measuring-quality\">m</a> <a href=\"keep.md\">k</a> <a href=\"https://example.com\">w</a> "
            + "<a href=\"#top\">f</a> <a href=\"mailto:a@example.com\">e</a> <a href=\"#\">j</a> <img src=\"/learn/../images/flow.svg\" alt=\"i\" /></p>\n");
        seen.ShouldBe(["02-quality.md#measuring-quality", "keep.md", "../images/flow.svg"], "only relative links are resolved");
    }

    [Fact]
    public void ToHtml_PushesHeadingsDown_WithShiftHeadings_KeepingAnchors_AndStoppingAtH6()
    {
        var html = ContentMarkdown.ToHtml("# Title\n\n## Section\n\n##### Deep\n\n###### Deepest", new RenderOptions(ShiftHeadings: 2));

        html.ShouldBe("<h3 id=\"title\">Title</h3>\n<h4 id=\"section\">Section</h4>\n<h6 id=\"deep\">Deep</h6>\n<h6 id=\"deepest\">Deepest</h6>\n");
    }

    [Fact]
    public void ToHtml_LeavesHeadingLevels_WithoutShiftHeadings() =>
        ContentMarkdown.ToHtml("## Section").ShouldBe("<h2 id=\"section\">Section</h2>\n");

    // ---- headings ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("## Economic order quantity", "<h2 id=\"economic-order-quantity\">Economic order quantity</h2>")]
    [InlineData("### Work-in-process (WIP)", "<h3 id=\"work-in-process-wip\">Work-in-process (WIP)</h3>")]
    [InlineData("## ISO 9001:2015 & you", "<h2 id=\"iso-90012015--you\">ISO 9001:2015 &amp; you</h2>")]
    [InlineData("## Économie d'échelle", "<h2 id=\"économie-déchelle\">Économie d'échelle</h2>")]
    [InlineData("## The `EOQ` formula", "<h2 id=\"the-eoq-formula\">The <code>EOQ</code> formula</h2>")]
    public void ToHtml_GivesHeadingsGitHubAnchors(string markdown, string expected) =>
        ContentMarkdown.ToHtml(markdown).ShouldBe(expected + "\n");

    [Fact]
    public void ToHtml_NumbersRepeatedHeadings_LikeGitHub() =>
        ContentMarkdown.ToHtml("## Example\n\n## Example\n\n## Example").ShouldBe(
            "<h2 id=\"example\">Example</h2>\n<h2 id=\"example-1\">Example</h2>\n<h2 id=\"example-2\">Example</h2>\n");

    /// <summary>
    /// BUG (src/CertPrep.Content/Parsing/ModuleParser.cs, Parse): a section's title is built from the heading's
    /// <c>LiteralInline</c>s only, so code spans, entities and math vanish from it: <c>## The `EOQ` formula</c> becomes
    /// "The  formula" and <c>## Q&amp;amp;A</c> becomes "QA". The site lists these titles as the module's table of
    /// contents.
    /// </summary>
    [Fact]
    public void ModuleParser_TakesSectionTitles_FromTheWholeHeadingText()
    {
        const string module = "---\nid: demo-x\ncredential: demo\ndomains: [planning]\norder: 1\ntitle: T\nobjectives: [O]\nreadingMinutes: 1\n---\n\n"
            + "## The `EOQ` formula\n\n## Q&amp;A and R&D\n\n## Cost of **holding** stock\n";

        var parsed = ModuleParser.Parse(module, "demo/modules/x.md", new DiagnosticBag(), out _);

        parsed.ShouldNotBeNull().Sections.Select(s => s.Title).ShouldBe(["The EOQ formula", "Q&A and R&D", "Cost of holding stock"]);
    }

    // ---- callouts ---------------------------------------------------------------------------------------------------

    /// <summary>Markdig splits the marker line (<c>[</c> may open a link): the whole first line is the marker.</summary>
    [Fact]
    public void ToHtml_RendersEveryCalloutKind_AsAnAsideWithATitle_WithAndWithoutACustomTitle()
    {
        var cases = new List<(string Markdown, string Expected)>();
        foreach (var (kind, defaultTitle) in new[] { ("example", "Example"), ("tip", "Tip"), ("warning", "Warning"), ("formula", "Formula"), ("note", "Note") })
        {
            cases.Add(($"> [!{kind.ToUpperInvariant()}]\n> Body text.",
                $"<aside class=\"callout callout-{kind}\" aria-label=\"{defaultTitle}\">\n<p class=\"callout-title\">{defaultTitle}</p>\n<p>Body text.</p>\n</aside>\n"));
            cases.Add(($"> [!{kind.ToUpperInvariant()}] A custom title\n> Body text.",
                $"<aside class=\"callout callout-{kind}\" aria-label=\"A custom title\">\n<p class=\"callout-title\">A custom title</p>\n<p>Body text.</p>\n</aside>\n"));
        }

        // The marker is case-insensitive, a worked example is an example callout, titles are escaped, and a callout may hold any block.
        cases.Add(("> [!tip]\n> lower case", "<aside class=\"callout callout-tip\" aria-label=\"Tip\">\n<p class=\"callout-title\">Tip</p>\n<p>lower case</p>\n</aside>\n"));
        cases.Add(("> [!EXAMPLE] Worked example: EOQ\n> With D = 1,200.",
            "<aside class=\"callout callout-example\" aria-label=\"Worked example: EOQ\">\n<p class=\"callout-title\">Worked example: EOQ</p>\n<p>With D = 1,200.</p>\n</aside>\n"));
        cases.Add(("> [!WARNING] Ties & \"quotes\"\n> x",
            "<aside class=\"callout callout-warning\" aria-label=\"Ties &amp; &quot;quotes&quot;\">\n<p class=\"callout-title\">Ties &amp; &quot;quotes&quot;</p>\n<p>x</p>\n</aside>\n"));
        cases.Add(("> [!NOTE]\n>\n> - one\n> - two",
            "<aside class=\"callout callout-note\" aria-label=\"Note\">\n<p class=\"callout-title\">Note</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n</aside>\n"));

        var failures = cases
            .Select(c => (c.Markdown, c.Expected, Actual: ContentMarkdown.ToHtml(c.Markdown)))
            .Where(c => c.Actual != c.Expected)
            .Select(c => $"--- markdown:\n{c.Markdown}\n--- expected:\n{c.Expected}--- actual:\n{c.Actual}")
            .ToList();
        failures.ShouldBeEmpty($"{failures.Count} of {cases.Count} callouts render wrongly:\n{string.Join("\n", failures)}");
    }

    [Theory]
    [InlineData("> A plain quotation.", "<blockquote>\n<p>A plain quotation.</p>\n</blockquote>\n")]
    [InlineData("> [!DANGER] Not a kind\n> text", "<blockquote>\n<p>[!DANGER] Not a kind\ntext</p>\n</blockquote>\n")]
    [InlineData("> Text first\n> [!TIP] later", "<blockquote>\n<p>Text first\n[!TIP] later</p>\n</blockquote>\n")]
    public void ToHtml_KeepsPlainQuotes_AsBlockquotes(string markdown, string expected) =>
        ContentMarkdown.ToHtml(markdown).ShouldBe(expected);

    // ---- math -------------------------------------------------------------------------------------------------------

    [Fact]
    public void ToHtml_WrapsInlineMath_ForKaTeX_KeepingTheTeXReadable() =>
        ContentMarkdown.ToHtml("The EOQ is $Q^* = \\sqrt{2DS/H}$ units.").ShouldBe(
            "<p>The EOQ is <span class=\"math\">\\(Q^* = \\sqrt{2DS/H}\\)</span> units.</p>\n");

    [Fact]
    public void ToHtml_WrapsDisplayMath_ForKaTeX_KeepingTheTeXReadable() =>
        ContentMarkdown.ToHtml("$$\nQ^* = \\sqrt{\\frac{2DS}{H}}\n$$").ShouldBe(
            "<div class=\"math\">\n\\[\nQ^* = \\sqrt{\\frac{2DS}{H}}\n\\]</div>\n");

    [Fact]
    public void ToHtml_EscapesHtmlInsideMath() =>
        ContentMarkdown.ToHtml("$a < b$ and $</span><script>x</script>$").ShouldBe(
            "<p><span class=\"math\">\\(a &lt; b\\)</span> and <span class=\"math\">\\(&lt;/span&gt;&lt;script&gt;x&lt;/script&gt;\\)</span></p>\n");

    [Theory]
    [InlineData("Ordering cost is $50 per order and holding cost $2.40 a year.")]
    [InlineData("Cost ${S} per order and ${H} per unit.")]
    public void ToHtml_LeavesDollarAmounts_AsText(string markdown) =>
        ContentMarkdown.ToHtml(markdown).ShouldBe($"<p>{markdown}</p>\n");

    // ---- tables and other extensions --------------------------------------------------------------------------------

    [Fact]
    public void ToHtml_RendersPipeTables_WithAlignment() =>
        ContentMarkdown.ToHtml("| Cost | Symbol | Value |\n| :--- | :---: | ---: |\n| Ordering | S | 50 |").ShouldBe(
            "<table>\n<thead>\n<tr>\n<th style=\"text-align: left;\">Cost</th>\n<th style=\"text-align: center;\">Symbol</th>\n<th style=\"text-align: right;\">Value</th>\n</tr>\n</thead>\n"
            + "<tbody>\n<tr>\n<td style=\"text-align: left;\">Ordering</td>\n<td style=\"text-align: center;\">S</td>\n<td style=\"text-align: right;\">50</td>\n</tr>\n</tbody>\n</table>\n");

    [Fact]
    public void ToHtml_RendersEmphasisExtrasAndFootnotes() =>
        ContentMarkdown.ToHtml("~~old~~ ==key== H~2~O x^2^ and a note[^1].\n\n[^1]: The note.").ShouldBe(
            "<p><del>old</del> <mark>key</mark> H<sub>2</sub>O x<sup>2</sup> and a note<a id=\"fnref:1\" href=\"#fn:1\" class=\"footnote-ref\"><sup>1</sup></a>.</p>\n"
            + "<div class=\"footnotes\">\n<hr />\n<ol>\n<li id=\"fn:1\">\n<p>The note.<a href=\"#fnref:1\" class=\"footnote-back-ref\">&#8617;</a></p>\n</li>\n</ol>\n</div>\n");
}

using CertPrep.Content.Rendering;
using CertPrep.Content.Tests.TestData;
using Microsoft.Extensions.FileProviders;

namespace CertPrep.Content.Tests.Rendering;

/// <summary>Automatic glossary links: the first occurrence of each term (or alias) in each section, whole words only.</summary>
public sealed class GlossaryLinkerTests
{
    private const string Eoq = "<a href=\"/glossary#economic-order-quantity\" class=\"term\">";
    private const string Order = "<a href=\"/glossary#order\" class=\"term\">";
    private const string SafetyStock = "<a href=\"/glossary#safety-stock\" class=\"term\">";

    private static readonly GlossaryIndex Index = new(
    [
        ("economic-order-quantity", ["Economic order quantity", "EOQ"], "/glossary#economic-order-quantity"),
        ("order", ["order"], "/glossary#order"),
        ("safety-stock", ["Safety stock", "buffer stock"], "/glossary#safety-stock"),
        ("cpk", ["Cpk", "C"], "/glossary#cpk"), // the one-letter alias is ignored: too many false hits
    ]);

    private static string Render(string markdown) => ContentMarkdown.ToHtml(markdown, new RenderOptions(Glossary: Index));

    [Fact]
    public void Link_LinksTheFirstOccurrence_InEachSection()
    {
        var html = Render("## One\n\nSafety stock, then safety stock again.\n\nAnd safety stock in a new paragraph.\n\n## Two\n\nSafety stock is linked again here.\n\n### Sub-section\n\nAnd in a sub-section: safety stock.");

        html.ShouldBe(
            "<h2 id=\"one\">One</h2>\n"
            + $"<p>{SafetyStock}Safety stock</a>, then safety stock again.</p>\n"
            + "<p>And safety stock in a new paragraph.</p>\n"
            + "<h2 id=\"two\">Two</h2>\n"
            + $"<p>{SafetyStock}Safety stock</a> is linked again here.</p>\n"
            + "<h3 id=\"sub-section\">Sub-section</h3>\n"
            + $"<p>And in a sub-section: {SafetyStock}safety stock</a>.</p>\n");
    }

    [Fact]
    public void Link_LinksTextBeforeTheFirstHeading_AsASectionOfItsOwn() =>
        Render("EOQ first.\n\n## Heading\n\nEOQ again.").ShouldBe(
            $"<p>{Eoq}EOQ</a> first.</p>\n<h2 id=\"heading\">Heading</h2>\n<p>{Eoq}EOQ</a> again.</p>\n");

    [Fact]
    public void Link_LinksSeveralTerms_InOneParagraph() =>
        Render("Safety stock and the EOQ together.").ShouldBe(
            $"<p>{SafetyStock}Safety stock</a> and the {Eoq}EOQ</a> together.</p>\n");

    [Theory]
    [InlineData("## Safety stock\n\nText.", "<h2 id=\"safety-stock\">Safety stock</h2>\n<p>Text.</p>\n")]
    [InlineData("See [safety stock rules](rules.md).", "<p>See <a href=\"rules.md\">safety stock rules</a>.</p>\n")]
    [InlineData("See [*safety stock*](rules.md).", "<p>See <a href=\"rules.md\"><em>safety stock</em></a>.</p>\n")]
    [InlineData("![safety stock chart](chart.svg)", "<p><img src=\"chart.svg\" alt=\"safety stock chart\" /></p>\n")]
    [InlineData("Use `safety stock` in code.", "<p>Use <code>safety stock</code> in code.</p>\n")]
    [InlineData("```\nsafety stock\n```", "<pre><code>safety stock\n</code></pre>\n")]
    [InlineData("    safety stock", "<pre><code>safety stock\n</code></pre>\n")]
    [InlineData("$safety stock$", "<p><span class=\"math\">\\(safety stock\\)</span></p>\n")]
    [InlineData("<https://example.com/safety>", "<p><a href=\"https://example.com/safety\">https://example.com/safety</a></p>\n")]
    public void Link_LeavesTermsAlone_InHeadingsLinksImagesCodeAndMath(string markdown, string expected) =>
        Render(markdown).ShouldBe(expected);

    [Fact]
    public void Link_TreatsAnAliasAsTheSameTerm()
    {
        var html = Render("Buffer stock is another name. Safety stock is not linked twice.");

        html.ShouldBe($"<p>{SafetyStock}Buffer stock</a> is another name. Safety stock is not linked twice.</p>\n");
    }

    [Theory]
    [InlineData("SAFETY STOCK matters.", $"<p>{SafetyStock}SAFETY STOCK</a> matters.</p>\n")]
    [InlineData("The eoq is simple.", $"<p>The {Eoq}eoq</a> is simple.</p>\n")]
    [InlineData("An Economic Order Quantity.", $"<p>An {Eoq}Economic Order Quantity</a>.</p>\n")]
    public void Link_IgnoresCase_AndKeepsTheTextAsWritten(string markdown, string expected) =>
        Render(markdown).ShouldBe(expected);

    [Theory]
    [InlineData("EOQs are plural.")]
    [InlineData("A reorder point.")]
    [InlineData("A re-order point.")]
    [InlineData("An order-up-to level.")]
    [InlineData("Disorder and orders.")]
    [InlineData("An order_id field.")]
    [InlineData("C and Cx and C++.")]
    public void Link_MatchesWholeWordsOnly(string markdown) =>
        Render(markdown).ShouldBe($"<p>{markdown}</p>\n");

    [Fact]
    public void Link_PrefersTheLongestTerm_WhenTermsOverlap() =>
        Render("The economic order quantity sets the order size.").ShouldBe(
            $"<p>The {Eoq}economic order quantity</a> sets the {Order}order</a> size.</p>\n");

    [Fact]
    public void Link_LinksTermsInListsTablesEmphasisAndCallouts()
    {
        var html = Render("- about *safety stock*\n\n| Term |\n| --- |\n| EOQ |\n\n## Next\n\n> [!NOTE]\n> An order.");

        html.ShouldContain($"<li>about <em>{SafetyStock}safety stock</a></em></li>");
        html.ShouldContain($"<td>{Eoq}EOQ</a></td>");
        html.ShouldContain($"{Order}order</a>.");
    }

    [Fact]
    public void Link_DoesNothing_WithAnEmptyGlossary()
    {
        var empty = new GlossaryIndex([]);

        ContentMarkdown.ToHtml("Safety stock.", new RenderOptions(Glossary: empty)).ShouldBe("<p>Safety stock.</p>\n");
    }

    [Fact]
    public void Link_TreatsRegexCharactersInTerms_Literally()
    {
        var index = new GlossaryIndex([("rop", ["R.O.P."], "/g#rop"), ("sop", ["S&OP"], "/g#sop"), ("s-s", ["(s, S) policy"], "/g#s-s")]);

        ContentMarkdown.ToHtml("R.O.P. and S&OP and the (s, S) policy, not RXOXPX.", new RenderOptions(Glossary: index)).ShouldBe(
            "<p><a href=\"/g#rop\" class=\"term\">R.O.P.</a> and <a href=\"/g#sop\" class=\"term\">S&amp;OP</a> and the "
            + "<a href=\"/g#s-s\" class=\"term\">(s, S) policy</a>, not RXOXPX.</p>\n");
    }

    [Fact]
    public void Link_UsesTheLoadedGlossary_OnTheSampleModule()
    {
        var library = ContentLoader.Load(new PhysicalFileProvider(SampleContent.Root));
        var index = new GlossaryIndex(library.Terms.Select(t => (t.Id, t.Aliases.Prepend(t.Term), $"/glossary#{t.Id}")));
        var module = library.Modules.Single(m => m.Id == "demo-planning");

        var html = ContentMarkdown.ToHtml(module.Markdown, new RenderOptions(Glossary: index));

        html.ShouldContain("<p><a href=\"/glossary#safety-stock\" class=\"term\">Safety stock</a> protects service");
        html.ShouldContain("<p>The <a href=\"/glossary#economic-order-quantity\" class=\"term\">economic order quantity</a> balances");
        html.ShouldContain("<a href=\"../../glossary/terms.md#economic-order-quantity\">economic order quantity</a>", Case.Sensitive, "a term inside an author's link is not linked again");
    }

    /// <summary>
    /// BUG (src/CertPrep.Content/Rendering/GlossaryLinker.cs, Link): terms are matched inside one
    /// <c>LiteralInline</c> at a time, and a soft line break ends a literal. Authors wrap prose, so a term written
    /// across a line break ("economic order⏎quantity") is not found, and a shorter term inside it ("order") is linked
    /// instead: the longest match does not win and the learner is sent to the wrong entry.
    /// </summary>
    [Fact]
    public void Link_PrefersTheLongestTerm_WhenTheTermIsWrappedOntoTheNextLine()
    {
        var html = Render("The economic order\nquantity balances ordering and holding cost.");

        html.ShouldNotContain(Order, Case.Sensitive, $"'order' was linked inside the wrapped 'economic order quantity':\n{html}");
    }
}

using CertPrep.Content.Diagnostics;
using CertPrep.Content.Interop;
using CertPrep.Content.Model;
using CertPrep.Content.Parsing;

namespace CertPrep.Authoring.Tests.Interop;

public sealed class QuestionMarkdownWriterTests
{
    private static readonly MarkdownImportSettings Settings = new("GIFT", "q.gift", "imp", [new DomainRef("demo", "planning")], null);

    [Theory]
    [InlineData("Inventory Quiz (v2).gift", "inventory-quiz-v2")]
    [InlineData("/tmp/x/EOQ.txt", "eoq")]
    [InlineData("___.gift", "imported")]
    public void IdPrefixFor_MakesAValidPrefix_FromTheFileName(string file, string prefix)
    {
        QuestionMarkdownWriter.IdPrefixFor(file).ShouldBe(prefix);
        QuestionMarkdownWriter.IsValidIdPrefix(prefix).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Inventory basics", "Inventory basics")]
    [InlineData("TODO: topic", "\"TODO: topic\"")]
    [InlineData("Say \"hi\" \\ bye", "\"Say \\\"hi\\\" \\\\ bye\"")]
    [InlineData("- list-like", "\"- list-like\"")]
    public void YamlScalar_QuotesOnlyWhenNeeded(string value, string yaml)
    {
        QuestionMarkdownWriter.YamlScalar(value).ShouldBe(yaml);
    }

    [Fact]
    public void Write_EscapesLinesThatWouldBeReadAsStructure_SoTheFileParses()
    {
        var question = new ImportedQuestion(1, "T", "Topic: with colon", QuestionType.Single,
            "## Question fake\n- [x] not an option\n```\nstill the stem",
            [new ImportedOption("A", true, "Because:\n\nreasons"), new ImportedOption("B", false, null), new ImportedOption("C", false, "")],
            null, 0, "### Explanation\nagain");

        var markdown = QuestionMarkdownWriter.Write([question], Settings);
        var diagnostics = new DiagnosticBag();
        var parsed = QuestionFileParser.Parse(markdown, "demo/questions/q.md", diagnostics).Questions.ShouldHaveSingleItem();

        diagnostics.HasErrors.ShouldBeFalse(string.Join("\n", diagnostics.Items) + "\n" + markdown);
        parsed.Id.ShouldBe("imp-001");
        parsed.Topic.ShouldBe("Topic: with colon");
        parsed.Bloom.ShouldBe(BloomLevel.Remember);
        parsed.Difficulty.ShouldBe(Difficulty.Medium);
        parsed.Options.Select(o => o.Rationale).ShouldBe(["Because:\n\nreasons", QuestionMarkdownWriter.RationalePlaceholder("GIFT"), QuestionMarkdownWriter.RationalePlaceholder("GIFT")]);
        parsed.Stem.ShouldStartWith("\\## Question fake\n\\- [x] not an option\n\\```");
        parsed.Explanation.ShouldBe("\\### Explanation\nagain");
    }
}

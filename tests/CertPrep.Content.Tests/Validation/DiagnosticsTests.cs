using CertPrep.Content.Tests.TestData;

namespace CertPrep.Content.Tests.Validation;

/// <summary>
/// Each kind of authoring mistake, made once in the otherwise valid sample: it is reported as
/// <c>path:line:col: error: message [code]</c>, only the broken file is left out, and everything else still loads.
/// </summary>
public sealed class DiagnosticsTests
{
    private const string Questions = "demo/questions/planning.md";
    private const string Planning = "demo/modules/01-planning.md";
    private const string Credential = "demo/credential.yml";
    private const string Glossary = "glossary/terms.md";

    public static TheoryData<string, string, string, string> Mistakes => new()
    {
        // file, original text, broken text, expected "path:line:col: severity: … [code]" prefix and code
        { Questions, "- [ ] To lower holding cost\n  > Wrong: safety stock adds holding cost.\n", "- [ ] To lower holding cost\n", $"{Questions}:22:7: error: Option 'To lower holding cost' needs a rationale|question.no-rationale" },
        { Questions, "- [ ] To reduce the number of orders placed each year", "- [x] To reduce the number of orders placed each year", $"{Questions}:20:7: error: A single answer question has exactly one key|question.many-keys" },
        { Questions, "- [x] To protect service levels against variation in demand or supply", "- [ ] To protect service levels against variation in demand or supply", $"{Questions}:8:1: error: No option is marked as the key|question.no-key" },
        { Questions, "- [ ] Stockout cost\n  > Wrong: the basic model assumes no stockouts.\n", "", $"{Questions}:31:1: error: A multiple answer question has 3 to 6 options, not 2|question.option-count" },
        { Questions, "## Question demo-plan-002", "## Question demo-plan-001", $"{Questions}:31:1: error: The id 'demo-plan-001' is already used at line 8|questions.duplicate-id" },
        { Questions, "difficulty: easy", "dificulty: easy", $"{Questions}:12:1: error: Unknown key 'dificulty'. Did you mean 'difficulty'?|yaml.unknown-key" },
        { Questions, "bloom: understand", "bloom: memorize", $"{Questions}:11:8: error: 'bloom' must be one of remember, understand, apply, analyze, evaluate, create, not 'memorize'|yaml.enum" },
        { Questions, "source: demo-planning#why-hold-inventory\n```\n\nWhy", "source: demo-planning#why-inventory\n```\n\nWhy", $"{Questions}:8:1: error: Module 'demo-planning' has no section '#why-inventory'|question.bad-source" },
        { Questions, "domains: [demo/planning, demo/quality]", "domains: [demo/planning, demo/logistics]", $"{Questions}:31:1: error: Question 'demo-plan-002' maps to 'demo/logistics', but demo has no domain 'logistics'|question.unknown-domain" },
        { Questions, "formula: sqrt(2 * D * S / H)", "formula: sqrt(2 * D * S / (H - 1.5))", $"{Questions}:72:1: error: The formula fails for D = 1000, S = 20, H = 1.5: |calculated.fails" },
        { Questions, "formula: sqrt(2 * D * S / H)", "formula: sqrt(2 * D * S / K)", $"{Questions}:72:1: error: The formula uses 'K', which is not among the variables|calculated.unknown-variable" },
        { Questions, "formula: sqrt(2 * D * S / H)", "formula: sqrt(2 * D * S / H", $"{Questions}:72:1: error: The formula 'sqrt(2 * D * S / H' is not valid at character|calculated.formula" },
        { Questions, "answerMin: 1", "answerMin: 1\nanswerMax: 300", $"{Questions}:72:1: error: For D = |calculated.out-of-range" },
        { Questions, "### Explanation\n\nSafety stock is a buffer against uncertainty.", "", $"{Questions}:8:1: error: Add an explanation under '### Explanation'|question.no-explanation" },
        { Questions, "```yaml\nbloom: understand", "bloom: understand", $"{Questions}:10:1: error: Right after the heading comes a ```yaml fence|questions.no-metadata" },
        { Questions, "tolerance: 1\n", "tolerance: one\n", $"{Questions}:61:12: error: 'tolerance' must be a non-negative number or percentage|question.tolerance" },
        { Planning, "![A flow of goods from supplier to customer](../images/flow.svg)", "![](../images/flow.svg)", $"{Planning}:38:1: error: The image '../images/flow.svg' needs alt text|link.no-alt" },
        { Planning, "(../images/flow.svg)", "(../images/missing.svg)", $"{Planning}:38:1: error: '../images/missing.svg' points to demo/images/missing.svg, which does not exist|link.broken" },
        { Planning, "(02-quality.md#measuring-quality)", "(02-quality.md#measuring)", $"{Planning}:17:60: error: Module 'demo-quality' has no section '#measuring'|link.broken" },
        { Planning, "(../../glossary/terms.md#economic-order-quantity)", "(../../glossary/terms.md#eoq)", $"{Planning}:20:27: error: '../../glossary/terms.md#eoq' does not name a term defined in glossary/terms.md|link.broken" },
        { Planning, "See also [quality basics]", "See also [a trap](javascript:alert(1)) [quality basics]", $"{Planning}:17:60: error: 'javascript:alert(1)' is not allowed|link.unsafe" },
        { Planning, "keyTerms: [safety-stock, economic-order-quantity]", "keyTerms: [safety-stock, reorder-point]", $"{Planning}:1:1: error: Key term 'reorder-point' is not in the glossary|module.unknown-term" },
        { Planning, "domains: [planning]", "domains: [plannning]", $"{Planning}:1:1: error: 'plannning' is not a domain of demo (planning, quality)|module.unknown-domain" },
        { Planning, "readingMinutes: 12\n---", "readingMinutes: 12\n", $"{Planning}:1:1: error: The front matter has no closing '---' line|module.front-matter-unclosed" },
        { Planning, "id: demo-planning", "id: Demo_Planning", $"{Planning}:2:5: error: 'Demo_Planning' is not a valid id|module.bad-id" },
        { Planning, "title: Planning basics", "title: [Planning", $"{Planning}:6:8: error: Invalid YAML|yaml.syntax" },
        { Credential, "weight: { percent: 40,", "weight: { percent: 30,", $"{Credential}:18:3: error: The domain weights add up to 90%, not 100%|credential.weights-sum" },
        { Credential, "scored: { value: 50,", "scored: { value: 52,", $"{Credential}:10:12: error: 'items' (60) must equal 'scored' (52) plus 'pretest' (10)|credential.items-sum" },
        { Credential, "outline: { value: \"1.0\", source: \"Test fixture\", confirmed: true }", "outline: { value: \"1.0\", source: \"Test fixture\" }", $"{Credential}:5:10: error: Missing required key 'confirmed'|yaml.missing" },
        { Credential, "id: demo", "id: demo2", $"{Credential}:2:5: error: The id 'demo2' must equal the folder name 'demo'|credential.id-folder" },
        { Glossary, "Defects per million opportunities.", "", $"{Glossary}:24:1: error: The term 'DPMO' has no definition|glossary.no-definition" },
        { Glossary, "related: [economic-order-quantity]", "related: [reorder-point]", $"{Glossary}:7:1: error: 'Safety stock' is related to 'reorder-point', which is not a glossary term|glossary.unknown-related" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Load_ReportsTheMistakeWithItsLocation_AndKeepsTheRest(string file, string original, string broken, string expected)
    {
        var (prefix, code) = (expected.Split('|')[0], expected.Split('|')[1]);

        var library = ContentLoader.Load(SampleContent.With(file, text => text.ReplaceOnce(original, broken)));

        var reported = library.Diagnostics.Select(d => d.ToString()).ToList();
        reported.ShouldContain(d => d.StartsWith(prefix, StringComparison.Ordinal) && d.EndsWith($"[{code}]", StringComparison.Ordinal),
            $"Expected a diagnostic starting with:\n  {prefix}\nGot:\n  {string.Join("\n  ", reported)}");
        library.RejectedFiles.ShouldContain(file);
        library.RejectedFiles.Count.ShouldBe(1, string.Join(", ", library.RejectedFiles));
    }

    [Fact]
    public void Load_WarnsAboutTwoModulesWithTheSameOrder()
    {
        var library = ContentLoader.Load(SampleContent.With("demo/modules/02-quality.md", t => t.ReplaceOnce("order: 2", "order: 1")));

        library.Diagnostics.Single().ToString().ShouldStartWith("demo/modules/02-quality.md:1:1: warning: Module 'demo-quality' has order 1, like 'demo-planning'");
        library.Modules.Count.ShouldBe(2);
    }

    [Fact]
    public void Load_KeepsWarnings_WithoutRejectingTheFile()
    {
        var library = ContentLoader.Load(SampleContent.With(Questions, t => t.ReplaceOnce("source: demo-planning#why-hold-inventory\n```\n\nWhy", "```\n\nWhy")));

        library.Diagnostics.Single().ToString().ShouldBe($"{Questions}:11:1: warning: Add 'source: <module-id>#<section-anchor>' so learners can read where the answer comes from. [question.no-source]");
        library.RejectedFiles.ShouldBeEmpty();
        library.Questions.Count.ShouldBe(6);
    }
}

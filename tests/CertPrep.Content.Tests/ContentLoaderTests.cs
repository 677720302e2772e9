using CertPrep.Content.Diagnostics;
using CertPrep.Content.Model;
using Microsoft.Extensions.FileProviders;

namespace CertPrep.Content.Tests;

public sealed class ContentLoaderTests
{
    private static readonly string SampleRoot = Path.Combine(AppContext.BaseDirectory, "TestData", "sample");

    private static ContentLibrary LoadSample() => ContentLoader.Load(new PhysicalFileProvider(SampleRoot));

    [Fact]
    public void Load_ReadsEveryConstruct_WithoutProblems_WhenContentIsValid()
    {
        var library = LoadSample();

        library.Diagnostics.ShouldBeEmpty(string.Join("\n", library.Diagnostics));
        library.Credentials.Select(c => c.Id).ShouldBe(["demo"]);
        library.Modules.Select(m => m.Id).ShouldBe(["demo-planning", "demo-quality"]);
        library.Questions.Select(q => q.Id).ShouldBe(["demo-plan-001", "demo-plan-002", "demo-plan-003", "demo-plan-004", "demo-case-001-a", "demo-case-001-b"]);
        library.Cases.Single().QuestionIds.ShouldBe(["demo-case-001-a", "demo-case-001-b"]);
        library.Terms.Select(t => t.Id).ShouldBe(["dpmo", "economic-order-quantity", "safety-stock"]);
    }

    [Fact]
    public void Load_ReadsCredentialFacts_WithSourceAndConfirmation()
    {
        var demo = LoadSample().Credentials.Single();

        demo.Name.ShouldBe("Demonstration Certificate in Operations");
        demo.RecommendedStudyHours.ShouldBe(40);
        demo.DefaultForm.Items.ShouldBe(new Fact<int>(60, "Test fixture", true));
        demo.DefaultForm.PretestItems.Confirmed.ShouldBeFalse();
        demo.DefaultForm.OpenBook.Value.ShouldBeFalse();
        demo.Domains.Select(d => (d.Id, d.Weight.Percent, d.Weight.Confirmed)).ShouldBe([("planning", (double?)60, true), ("quality", 40, false)]);
        demo.Domain("quality")!.Requires.ShouldBe(["planning"]);
    }

    [Fact]
    public void Load_ReadsModuleFrontMatterAndSections()
    {
        var planning = LoadSample().Modules[0];

        planning.Title.ShouldBe("Planning basics");
        planning.ReadingMinutes.ShouldBe(12);
        planning.KeyTerms.ShouldBe(["safety-stock", "economic-order-quantity"]);
        planning.Objectives.Count.ShouldBe(2);
        planning.Sections.Select(s => (s.Anchor, s.Level, s.Line)).ShouldBe([("why-hold-inventory", 2, 15), ("economic-order-quantity", 2, 22)]);
    }

    [Fact]
    public void Load_ReadsEveryQuestionType()
    {
        var questions = LoadSample().Questions.ToDictionary(q => q.Id);

        var single = questions["demo-plan-001"];
        single.Type.ShouldBe(QuestionType.Single);
        single.Domains.ShouldBe([new DomainRef("demo", "planning")]); // from the file's defaults
        single.Topic.ShouldBe("Inventory basics");
        single.Options.Count.ShouldBe(4);
        single.Options.Count(o => o.IsKey).ShouldBe(1);
        single.Options[3].Pinned.ShouldBeTrue();
        single.Options[3].Text.ShouldBe("None of the above");
        single.Options[0].Rationale.ShouldStartWith("Right: safety stock absorbs variation");
        single.Explanation.ShouldBe("Safety stock is a buffer against uncertainty.");
        single.Location.Line.ShouldBe(8);

        var multiple = questions["demo-plan-002"];
        multiple.Type.ShouldBe(QuestionType.Multiple);
        multiple.Domains.Count.ShouldBe(2);
        multiple.Options.Count(o => o.IsKey).ShouldBe(2);

        var numeric = questions["demo-plan-003"];
        numeric.Answer.ShouldBe(new NumericAnswer(224, 1, false, "units"));
        numeric.Options.ShouldBeEmpty();

        var calculated = questions["demo-plan-004"].Calculation.ShouldNotBeNull();
        calculated.Formula.ShouldBe("sqrt(2 * D * S / H)");
        calculated.Variables.Select(v => (v.Name, v.Count)).ShouldBe([("D", 9), ("S", 7), ("H", 7)]);
        calculated.Tolerance.ShouldBe(0.01);
        calculated.Relative.ShouldBeTrue();
        calculated.Decimals.ShouldBe(0);

        questions["demo-case-001-b"].CaseId.ShouldBe("demo-case-001");
    }

    [Fact]
    public void ContentHash_IsStable_AndChangesOnlyWithWhatLearnersSee()
    {
        var text = File.ReadAllText(Path.Combine(SampleRoot, "demo", "questions", "planning.md"));
        string HashOf(string source, string id) =>
            Parsing.QuestionFileParser.Parse(source, "demo/questions/planning.md", new DiagnosticBag()).Questions.Single(q => q.Id == id).ContentHash;

        var original = HashOf(text, "demo-plan-001");
        HashOf(text, "demo-plan-001").ShouldBe(original);
        HashOf(text.Replace("difficulty: easy", "difficulty: hard", StringComparison.Ordinal), "demo-plan-001").ShouldBe(original);
        HashOf(text.Replace("Why does a business hold safety stock?", "Why does a business hold\nsafety stock?", StringComparison.Ordinal), "demo-plan-001").ShouldBe(original);
        HashOf(text.Replace("Wrong: safety stock adds holding cost.", "Wrong: it adds holding cost.", StringComparison.Ordinal), "demo-plan-001").ShouldNotBe(original);
    }
}

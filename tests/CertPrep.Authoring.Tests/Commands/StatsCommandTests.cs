using System.Text.Json;
using CertPrep.Authoring.Commands;
using CertPrep.Authoring.Stats;
using CertPrep.Authoring.Tests.TestSupport;

namespace CertPrep.Authoring.Tests.Commands;

public sealed class StatsCommandTests
{
    private static CommandResult Stats(params string[] args) => CommandRunner.Run((o, e) => new StatsCommand(o, e), args);

    [Fact]
    public void Run_PrintsAnAlignedTablePerCredential_WhenTextIsAsked()
    {
        using var content = TempContent.CopyOfSample();

        var result = Stats(content.Root);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldBeEmpty();
        result.OutLines.Take(7).ShouldBe(
        [
            "demo: Demonstration Certificate in Operations",
            "  6 questions, 2 modules, 3 glossary terms; default form 'standard' has 50 scored items.",
            "",
            "  Domain    Weight  Exam items  Questions  Share  Single  Multiple  Numeric  Calculated  Easy  Medium  Hard  Modules  Name",
            "  planning     60%          30          6   100%       3         1        1           1     2       3     1        1  Planning",
            "  quality     40%*          20          1    17%       0         1        0           0     0       1     0        1  Quality",
            "  All                       50          6              3         1        1           1     2       3     1        2",
        ]);
        result.Out.ShouldContain("* The weight is not confirmed by the issuing body.");
    }

    [Fact]
    public void Run_PrintsTheSameNumbersAsJson_WhenJsonIsAsked()
    {
        using var content = TempContent.CopyOfSample();

        var result = Stats(content.Root, "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using (var document = JsonDocument.Parse(result.Out))
        {
            var planningJson = document.RootElement.GetProperty("credentials")[0].GetProperty("domains")[0];
            planningJson.GetProperty("examItems").GetDouble().ShouldBe(30);
            planningJson.GetProperty("byType").GetProperty("calculated").GetInt32().ShouldBe(1);
        }

        var report = JsonSerializer.Deserialize<StatsReport>(result.Out, StatsCommand.Json).ShouldNotBeNull();
        report.ContentErrors.ShouldBe(0);
        var demo = report.Credentials.ShouldHaveSingleItem();
        (demo.Id, demo.Form, demo.ScoredItems, demo.Questions, demo.Modules, demo.GlossaryTerms).ShouldBe(("demo", "standard", 50, 6, 2, 3));
        demo.ByType.ShouldBe(new TypeCounts(3, 1, 1, 1));
        demo.ByDifficulty.ShouldBe(new DifficultyCounts(2, 3, 1));

        var planning = demo.Domains[0];
        (planning.Id, planning.WeightPercent, planning.WeightItems, planning.WeightConfirmed).ShouldBe(("planning", (double?)60, (int?)null, true));
        (planning.ExamItems, planning.ExamShare, planning.Questions, planning.QuestionShare, planning.Modules).ShouldBe((30.0, 0.6, 6, 1.0, 1));
        planning.ByType.ShouldBe(new TypeCounts(3, 1, 1, 1));

        var quality = demo.Domains[1];
        (quality.Id, quality.WeightConfirmed, quality.ExamItems, quality.Questions, quality.Modules).ShouldBe(("quality", false, 20.0, 1, 1));
        quality.QuestionShare.ShouldBe(1.0 / 6, 1e-12); // demo-plan-002 is mapped to both domains and counts in each
        quality.ByType.ShouldBe(new TypeCounts(0, 1, 0, 0));
        quality.ByDifficulty.ShouldBe(new DifficultyCounts(0, 1, 0));
    }

    [Fact]
    public void Run_UsesItemCountsAndCountsEachCredential_WhenAQuestionServesTwoCredentials()
    {
        using var content = TempContent.CopyOfSample();
        content.Write("ops/credential.yml", """
            id: ops
            name: Operations Basics
            issuer: CertPrep test suite
            outline: { value: "1.0", source: "Test fixture", confirmed: true }
            forms:
              - id: main
                name: Main exam
                items: { value: 40, source: "Test fixture", confirmed: true }
                scored: { value: 40, source: "Test fixture", confirmed: true }
                pretest: { value: 0, source: "Test fixture", confirmed: true }
                minutes: { value: 60, source: "Test fixture", confirmed: true }
                scale: { value: "percent", source: "Test fixture", confirmed: true }
                pass: { value: "70%", source: "Test fixture", confirmed: true }
                openBook: { value: false, source: "Test fixture", confirmed: true }
            domains:
              - id: inventory
                name: Inventory
                weight: { items: 30, source: "Test fixture", confirmed: true }
              - id: service
                name: Service
                weight: { items: 10, source: "Test fixture", confirmed: true }
            """);
        var planning = content.Read("demo/questions/planning.md");
        content.Write("demo/questions/planning.md", planning.Replace("domains: [demo/planning, demo/quality]", "domains: [demo/planning, ops/inventory]", StringComparison.Ordinal));

        var report = JsonSerializer.Deserialize<StatsReport>(Stats(content.Root, "--json").Out, StatsCommand.Json).ShouldNotBeNull();

        report.Credentials.Select(c => (c.Id, c.Questions)).ShouldBe([("demo", 6), ("ops", 1)]);
        var ops = report.Credentials[1];
        ops.Domains.Select(d => (d.Id, d.WeightItems, d.ExamItems, d.ExamShare, d.Questions)).ShouldBe([("inventory", (int?)30, 30.0, 0.75, 1), ("service", 10, 10.0, 0.25, 0)]);
        ops.GlossaryTerms.ShouldBe(0);
        var text = Stats(content.Root).Out;
        text.ShouldContain("  inventory  30 items          30          1   100%");
    }

    [Fact]
    public void Run_WarnsOnStderrAndCountsWhatLoaded_WhenContentHasErrors()
    {
        using var content = TempContent.CopyOfSample();
        var planning = content.Read("demo/questions/planning.md");
        content.Write("demo/questions/planning.md", planning.Replace("- [x] Ordering cost", "- [ ] Ordering cost", StringComparison.Ordinal).Replace("- [x] Holding cost", "- [ ] Holding cost", StringComparison.Ordinal));

        var result = Stats(content.Root);

        result.ExitCode.ShouldBe(0);
        result.ErrorLines.ShouldBe(["warning: the content has 1 error; files with errors are not counted (run 'check' for details)."]);
        result.OutLines[1].ShouldStartWith("  0 questions, 2 modules, 3 glossary terms;");
    }

    [Fact]
    public void Run_ReturnsTwo_WhenTheFolderDoesNotExist()
    {
        using var content = TempContent.Empty();

        var result = Stats(Path.Combine(content.Root, "missing"), "--json");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("certprep-authoring stats <dir> [--json]");
    }
}

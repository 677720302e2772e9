using CertPrep.Authoring.Cli;
using CertPrep.Authoring.Commands;
using CertPrep.Authoring.Tests.TestSupport;
using CertPrep.Content.Diagnostics;
using CertPrep.Content.Model;
using CertPrep.Content.Parsing;

namespace CertPrep.Authoring.Tests.Commands;

public sealed class ExportGiftCommandTests
{
    private static CommandResult Export(params string[] args) => CommandRunner.Run((o, e) => new ExportGiftCommand(o, e), args);

    [Fact]
    public void Run_ExportsChoiceAndNumericQuestions_AndListsWhatItSkipped()
    {
        using var content = TempContent.CopyOfSample();

        var result = Export(content.Root);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("::demo-plan-001::[markdown]Why does a business hold safety stock? {\n=To protect service levels against variation in demand or supply#Right\\: safety stock absorbs variation so customers are still served.\n");
        result.Out.ShouldContain("~None of the above#Wrong\\: the first option is correct.\n####Safety stock is a buffer against uncertainty.\n}\n");
        result.Out.ShouldContain("~%50%Ordering cost#");
        result.Out.ShouldContain("~%-100%Stockout cost#");
        result.Out.ShouldContain("::demo-plan-003::[markdown]Annual demand is 1,200 units, ordering cost $50 per order and holding cost $2.40 per unit per year. What is the EOQ? {#224:1\n");
        result.Out.ShouldContain("####$\\sqrt\\{2 \\times 1200 \\times 50 / 2.4\\} \\= \\sqrt\\{50000\\} \\approx 224$.\n}");
        result.Out.ShouldNotContain("demo-plan-004");
        result.Out.ShouldNotContain("demo-case-001");
        result.ErrorLines.ShouldBe(
        [
            "demo/questions/planning.md:24: note: option 'None of the above' of demo-plan-001 is pinned, which GIFT cannot express (Moodle may shuffle it)",
            "demo/questions/planning.md:54: note: the unit 'units' of demo-plan-003 is not exported (GIFT numeric answers have no unit)",
            "demo/questions/planning.md:72: warning: calculated question demo-plan-004 (GIFT has no variables drawn anew for every attempt) — skipped",
            "demo/questions/planning.md:96: warning: case set demo-case-001 with questions demo-case-001-a, demo-case-001-b (GIFT has no shared case text) — skipped",
            "Exported 3 questions; 2 skipped.",
        ]);
    }

    [Fact]
    public void Run_RoundTripsStemsOptionsKeysRationalesAndExplanations_WhenTheExportIsImportedAgain()
    {
        using var content = TempContent.CopyOfSample();
        using var work = TempContent.Empty();
        var gift = work.PathOf("sample.gift");
        var markdownPath = work.PathOf("sample.md");

        var export = Export(content.Root, "--out", gift);
        var import = CommandRunner.Run((o, e) => new ImportGiftCommand(o, e), gift, "--domain", "demo/planning", "--id-prefix", "rt");

        export.ExitCode.ShouldBe(0, export.ToString());
        export.OutLines.ShouldBe([$"Exported 3 questions to {gift}; 2 skipped."]);
        import.ExitCode.ShouldBe(0, import.ToString());
        import.Error.ShouldBeEmpty();
        var diagnostics = new DiagnosticBag();
        var imported = QuestionFileParser.Parse(File.ReadAllText(markdownPath), "sample.md", diagnostics).Questions;
        diagnostics.HasErrors.ShouldBeFalse(string.Join("\n", diagnostics.Items));
        var original = ContentFolder.Load(content.Root).Library.Questions.Where(q => q.CaseId is null && q.Type != QuestionType.Calculated).ToList();
        imported.Count.ShouldBe(original.Count);
        foreach (var (before, after) in original.Zip(imported))
        {
            after.Type.ShouldBe(before.Type);
            after.Stem.ShouldBe(before.Stem);
            after.Options.Select(o => (o.Text, o.IsKey, o.Rationale)).ShouldBe(before.Options.Select(o => (o.Text, o.IsKey, o.Rationale)));
            after.Explanation.ShouldBe(before.Explanation);
            (after.Answer?.Value, after.Answer?.Tolerance).ShouldBe((before.Answer?.Value, before.Answer?.Tolerance));
        }
    }

    [Fact]
    public void Run_ExportsOnlyTheCredentialsQuestions_WhenCredentialIsGiven()
    {
        using var content = TempContent.CopyOfSample();
        content.Write("ops/credential.yml", content.Read("demo/credential.yml").Replace("id: demo", "id: ops", StringComparison.Ordinal));
        var planning = content.Read("demo/questions/planning.md");
        content.Write("demo/questions/planning.md", planning.Replace("domains: [demo/planning, demo/quality]", "domains: [ops/quality]", StringComparison.Ordinal));

        var ops = Export(content.Root, "--credential", "ops");
        var unknown = Export(content.Root, "--credential", "cpim");

        ops.ExitCode.ShouldBe(0, ops.ToString());
        ops.Out.ShouldContain("::demo-plan-002::");
        ops.Out.ShouldNotContain("::demo-plan-001::");
        ops.ErrorLines.ShouldBe(["Exported 1 question; 0 skipped."]);
        unknown.ExitCode.ShouldBe(2);
        unknown.ErrorLines[0].ShouldBe($"error: there is no credential 'cpim' in {content.Root} (there are: demo, ops).");
    }

    [Fact]
    public void Run_RefusesToOverwrite_WhenTheOutputExists()
    {
        using var content = TempContent.CopyOfSample();
        using var work = TempContent.Empty();
        var gift = work.Write("sample.gift", "// keep me\n");

        var result = Export(content.Root, "--out", gift);

        result.ExitCode.ShouldBe(1);
        result.ErrorLines.ShouldBe([$"error: {gift} already exists; it is not overwritten."]);
        work.Read("sample.gift").ShouldBe("// keep me\n");
    }
}

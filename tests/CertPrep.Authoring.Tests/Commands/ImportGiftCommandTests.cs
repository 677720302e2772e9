using CertPrep.Authoring.Commands;
using CertPrep.Authoring.Tests.TestSupport;

namespace CertPrep.Authoring.Tests.Commands;

public sealed class ImportGiftCommandTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "TestData", "inventory.gift");

    private static CommandResult Import(params string[] args) => CommandRunner.Run((o, e) => new ImportGiftCommand(o, e), args);

    private static string CopyFixture(TempContent folder)
    {
        var path = folder.PathOf("inventory.gift");
        File.Copy(Fixture, path);
        return path;
    }

    [Fact]
    public void Run_WritesAQuestionFileThatPassesCheck_WhenTheDomainIsGiven()
    {
        using var content = TempContent.CopyOfSample();
        using var inbox = TempContent.Empty();
        var gift = CopyFixture(inbox);
        var output = content.PathOf("demo/questions/inventory.md");

        var result = Import(gift, "--domain", "demo/planning", "--out", output);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.OutLines[0].ShouldBe($"Wrote 8 questions (inventory-001 to inventory-008) to {output}; 8 skipped (listed above).");
        var check = CommandRunner.Run((o, e) => new CheckCommand(o, e), content.Root);
        check.ExitCode.ShouldBe(0, check.ToString());
        check.OutLines.Length.ShouldBe(9);
        check.OutLines.SkipLast(1).ShouldAllBe(l => l.StartsWith("demo/questions/inventory.md:", StringComparison.Ordinal) && l.EndsWith("[question.no-source]", StringComparison.Ordinal));
        check.OutLines[^1].ShouldBe("0 errors, 8 warnings in 6 files");
    }

    [Fact]
    public void Run_ReportsEverySkippedConstructWithItsLine()
    {
        using var inbox = TempContent.Empty();
        var gift = CopyFixture(inbox);

        var result = Import(gift, "--domain", "demo/planning");

        result.ErrorLines.ShouldBe(
        [
            $"{gift}:40: warning: partial credit of 50% for 'Histogram' in question 'Partial credit' (the option is imported as wrong) — skipped",
            $"{gift}:45: warning: essay question 'Essay' (the markdown format has no free-text answers) — skipped",
            $"{gift}:47: warning: matching question 'Match' (the markdown format has no matching questions) — skipped",
            $"{gift}:53: warning: short-answer question 'Short answer' (the markdown format has no free-text answers) — skipped",
            $"{gift}:55: warning: true/false question 'True or false' (the markdown format needs 3 to 6 options: rewrite it as a multiple-choice question) — skipped",
            $"{gift}:57: warning: true/false question 'False with feedback' (the markdown format needs 3 to 6 options: rewrite it as a multiple-choice question) — skipped",
            $"{gift}:59: warning: multiple-choice question 'Two options' with 2 options (the markdown format needs 3 to 6) — skipped",
            $"{gift}:61: warning: text without an answer block {{…}} (a Moodle description, not a question) — skipped",
        ]);
    }

    [Fact]
    public void Run_WritesEveryConstructAsMarkdown()
    {
        using var inbox = TempContent.Empty();
        var gift = CopyFixture(inbox);

        Import(gift, "--domain", "demo/planning").ExitCode.ShouldBe(0);

        var markdown = inbox.Read("inventory.md");
        markdown.ShouldStartWith("---\n# Imported from GIFT (inventory.gift) by certprep-authoring.\n");
        markdown.ShouldContain("domains: [demo/planning]\n");
        // Multiple answers by weight, per-answer feedback as rationale, general feedback as explanation, $CATEGORY as topic.
        markdown.ShouldContain("""
            ## Question inventory-001

            ```yaml
            # From GIFT line 6, 'EOQ costs'. Review bloom and difficulty (imported defaults) and add 'source'.
            type: multiple
            topic: Inventory control
            bloom: remember
            difficulty: medium
            ```

            Which **two** costs does the economic order quantity balance?

            - [x] Ordering cost
              > Fewer, larger orders cut ordering cost.
            - [x] Holding cost
              > Larger orders raise average inventory.
            - [ ] Stockout cost
              > The basic model assumes no stockouts.

            ### Explanation

            EOQ minimises ordering plus holding cost.
            """);
        // Missing feedback becomes a marked placeholder; comment lines between answers are ignored.
        markdown.ShouldContain("- [ ] To raise inventory turns\n  > TODO: rationale (imported from GIFT without feedback).\n\n### Explanation\n\nTODO: explanation (imported from GIFT without general feedback).\n");
        markdown.ShouldContain("Which symbol stands for the ordering cost in Q\\* = {2DS/H}?");
        markdown.ShouldContain("- [x] Equals = tilde ~ hash # braces {} colon :\n  > Right: each one was escaped.\n");
        markdown.ShouldContain("The reorder point is lead-time demand _____ safety stock.\n\n- [x] plus\n");
        markdown.ShouldContain("type: numeric\ntopic: Inventory control\nbloom: remember\ndifficulty: medium\nanswer: 200\ntolerance: 0.5\n```\n\nDaily demand is 50 units");
        markdown.ShouldContain("### Explanation\n\n50 × 4 = 200.\n");
        markdown.ShouldContain("answer: 300\ntolerance: 10\n");
        markdown.ShouldContain("### Explanation\n\n3 / (1000 × 10) × 10^6 = 300.\n");
        markdown.ShouldContain("topic: Quality\nbloom: remember\ndifficulty: medium\n```\n\nWhich tool shows the few causes behind most defects?\n\n- [x] Pareto chart\n  > Right.\n- [ ] Histogram\n");
    }

    [Fact]
    public void Run_RefusesToOverwrite_WhenTheOutputExists()
    {
        using var inbox = TempContent.Empty();
        var gift = CopyFixture(inbox);
        Import(gift).ExitCode.ShouldBe(0);
        var first = inbox.Read("inventory.md");

        var again = Import(gift, "--domain", "demo/planning");

        again.ExitCode.ShouldBe(1);
        again.ErrorLines.ShouldBe([$"error: {inbox.PathOf("inventory.md")} already exists; it is not overwritten. Pass --out <file.md> to write elsewhere."]);
        inbox.Read("inventory.md").ShouldBe(first);
    }

    [Fact]
    public void Run_WritesTheFileAndSaysDomainsAreMissing_WhenNoDomainIsGiven()
    {
        using var inbox = TempContent.Empty();
        var gift = CopyFixture(inbox);

        var result = Import(gift, "--id-prefix", "inv", "--topic", "Inventory: the basics", "--out", inbox.PathOf("out/inv.md"));

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("No --domain was given: add 'domains: [<credential>/<domain>]' to the file's front matter, or the questions do not pass check.");
        var markdown = inbox.Read("out/inv.md");
        markdown.ShouldContain("# TODO: add 'domains: [<credential>/<domain>]' here");
        markdown.ShouldContain("topic: \"Inventory: the basics\"\n---\n");
        markdown.ShouldContain("## Question inv-001\n");
        markdown.ShouldContain("## Question inv-008\n");
        markdown.ShouldNotContain("topic: Quality");
    }

    [Theory]
    [InlineData("--domain", "planning")]
    [InlineData("--id-prefix", "Not Valid")]
    [InlineData("--format", "gift")]
    public void Run_ReturnsTwo_WhenAnOptionIsInvalid(string option, string value)
    {
        using var inbox = TempContent.Empty();
        var gift = CopyFixture(inbox);

        var result = Import(gift, option, value);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("certprep-authoring import-gift <file.gift>");
        inbox.Exists("inventory.md").ShouldBeFalse();
    }

    [Fact]
    public void Run_ReturnsTwo_WhenTheInputDoesNotExist()
    {
        using var inbox = TempContent.Empty();

        var result = Import(inbox.PathOf("missing.gift"));

        result.ExitCode.ShouldBe(2);
        result.ErrorLines[0].ShouldBe($"error: the file '{inbox.PathOf("missing.gift")}' does not exist.");
    }

    [Fact]
    public void Run_ReturnsOneAndWritesNothing_WhenNoQuestionCanBeConverted()
    {
        using var inbox = TempContent.Empty();
        var gift = inbox.Write("essays.gift", "::E1::Explain safety stock. {}\n\n::E2::Explain EOQ. {}\n");

        var result = Import(gift);

        result.ExitCode.ShouldBe(1);
        result.ErrorLines.Length.ShouldBe(3);
        result.ErrorLines[^1].ShouldBe($"error: no question in {gift} could be converted; nothing was written.");
        inbox.Exists("essays.md").ShouldBeFalse();
    }
}

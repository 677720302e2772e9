using CertPrep.Authoring.Commands;
using CertPrep.Authoring.Tests.TestSupport;

namespace CertPrep.Authoring.Tests.Commands;

public sealed class ImportAikenCommandTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "TestData", "quality.txt");

    private static CommandResult Import(params string[] args) => CommandRunner.Run((o, e) => new ImportAikenCommand(o, e), args);

    [Fact]
    public void Run_WritesAQuestionFileThatPassesCheck_AndReportsWhatItSkipped()
    {
        using var content = TempContent.CopyOfSample();
        using var inbox = TempContent.Empty();
        var aiken = inbox.PathOf("quality.txt");
        File.Copy(Fixture, aiken);
        var output = content.PathOf("demo/questions/quality.md");

        var result = Import(aiken, "--domain", "demo/quality", "--topic", "Measuring quality", "--out", output);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.OutLines[0].ShouldBe($"Wrote 2 questions (quality-001 to quality-002) to {output}; 3 skipped (listed above).");
        result.ErrorLines.ShouldBe(
        [
            $"{aiken}:15: warning: question without an 'ANSWER: <letter>' line after its options — skipped",
            $"{aiken}:20: warning: question with 2 options (the markdown format needs 3 to 6) — skipped",
            $"{aiken}:29: warning: question whose 'ANSWER: E' does not name its options (A, B, C) — skipped",
        ]);
        var markdown = content.Read("demo/questions/quality.md");
        markdown.ShouldContain("""
            What does DPMO count?

            - [x] Defects per million opportunities
              > TODO: rationale (imported from Aiken without feedback).
            - [ ] Defective units per thousand
            """);
        markdown.ShouldContain("type: multiple\n");
        markdown.ShouldContain("Which charts help monitor a process over time?\nPick two.\n\n- [x] Control chart\n  > TODO: rationale (imported from Aiken without feedback).\n- [x] Run chart\n");
        markdown.ShouldContain("TODO: explanation (imported from Aiken without general feedback).");

        var check = CommandRunner.Run((o, e) => new CheckCommand(o, e), content.Root);
        check.ExitCode.ShouldBe(0, check.ToString());
        check.OutLines[^1].ShouldBe("0 errors, 2 warnings in 6 files");
    }

    [Fact]
    public void Run_DefaultsToAnMdFileNextToTheInput()
    {
        using var inbox = TempContent.Empty();
        var aiken = inbox.PathOf("quality.txt");
        File.Copy(Fixture, aiken);

        Import(aiken).ExitCode.ShouldBe(0);

        inbox.Read("quality.md").ShouldContain("## Question quality-002\n");
        Import(aiken).ExitCode.ShouldBe(1);
    }
}

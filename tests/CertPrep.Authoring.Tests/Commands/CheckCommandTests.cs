using CertPrep.Authoring.Commands;
using CertPrep.Authoring.Tests.TestSupport;

namespace CertPrep.Authoring.Tests.Commands;

public sealed class CheckCommandTests
{
    private const string BrokenQuestion = """
        ## Question demo-broken-001

        ```yaml
        domains: [demo/planning]
        topic: Broken on purpose
        bloom: remember
        difficulty: easy
        source: demo-planning#why-hold-inventory
        ```

        Which option is right?

        - [ ] One
          > Wrong.
        - [ ] Two
          > Wrong.
        - [ ] Three
          > Wrong.

        ### Explanation

        None of them: the key is missing on purpose.
        """;

    private const string QuestionWithoutSource = """
        ## Question demo-nosource-001

        ```yaml
        domains: [demo/quality]
        topic: Measuring quality
        bloom: remember
        difficulty: easy
        ```

        What does DPMO count?

        - [x] Defects per million opportunities
          > Right: that is the definition.
        - [ ] Defective units per thousand
          > Wrong: DPMO counts defects, per million opportunities.
        - [ ] Delays per month
          > Wrong: DPMO is about quality, not time.

        ### Explanation

        DPMO = defects per million opportunities.
        """;

    private static CommandResult Check(params string[] args) => CommandRunner.Run((o, e) => new CheckCommand(o, e), args);

    [Fact]
    public void Run_ReturnsZeroWithSummaryOnly_WhenContentIsValid()
    {
        using var content = TempContent.CopyOfSample();

        var result = Check(content.Root);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.OutLines.ShouldBe(["0 errors, 0 warnings in 5 files"]);
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public void Run_ReturnsZero_WhenThereAreOnlyWarnings()
    {
        using var content = TempContent.CopyOfSample();
        content.Write("demo/questions/quality.md", QuestionWithoutSource);

        var result = Check(content.Root);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.OutLines.ShouldBe(
        [
            "demo/questions/quality.md:4:1: warning: Add 'source: <module-id>#<section-anchor>' so learners can read where the answer comes from. [question.no-source]",
            "0 errors, 1 warning in 6 files",
        ]);
    }

    [Fact]
    public void Run_ReturnsOneWithPathLineColumnLines_WhenAFileIsBroken()
    {
        using var content = TempContent.CopyOfSample();
        content.Write("demo/questions/broken.md", BrokenQuestion);
        content.Write("demo/questions/quality.md", QuestionWithoutSource);

        var result = Check(content.Root);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.OutLines.ShouldBe(
        [
            "demo/questions/broken.md:1:1: error: No option is marked as the key ('- [x] …'). [question.no-key]",
            "demo/questions/quality.md:4:1: warning: Add 'source: <module-id>#<section-anchor>' so learners can read where the answer comes from. [question.no-source]",
            "1 error, 1 warning in 7 files (1 file not imported)",
        ]);
    }

    [Fact]
    public void Run_PrintsOnlyErrorsAndSummary_WhenQuiet()
    {
        using var content = TempContent.CopyOfSample();
        content.Write("demo/questions/broken.md", BrokenQuestion);
        content.Write("demo/questions/quality.md", QuestionWithoutSource);

        var result = Check(content.Root, "--quiet");

        result.ExitCode.ShouldBe(1);
        result.OutLines.ShouldBe(
        [
            "demo/questions/broken.md:1:1: error: No option is marked as the key ('- [x] …'). [question.no-key]",
            "1 error, 1 warning in 7 files (1 file not imported)",
        ]);
    }

    [Fact]
    public void Run_CountsEveryErrorOfEveryFile_WhenSeveralFilesAreBroken()
    {
        using var content = TempContent.CopyOfSample();
        content.Write("demo/questions/broken.md", BrokenQuestion);
        content.Write("demo/modules/03-empty.md", "---\nid: demo-empty\ncredential: demo\n---\n");
        content.Write("demo/notes.txt", "not content");

        var result = Check(content.Root);

        result.ExitCode.ShouldBe(1);
        result.OutLines.ShouldContain(l => l.StartsWith("demo/modules/03-empty.md:", StringComparison.Ordinal) && l.Contains(": error: ", StringComparison.Ordinal));
        result.OutLines.ShouldContain("demo/notes.txt:1:1: warning: This file is not read: credentials are <credential>/credential.yml, modules <credential>/modules/*.md, questions <credential>/questions/*.md, glossary glossary/*.md. [content.unknown-file]");
        result.OutLines[^1].ShouldMatch(@"^\d+ errors, 1 warning in 7 files \(2 files not imported\)$");
    }

    [Theory]
    [InlineData]
    [InlineData("--verbose")]
    [InlineData("{root}", "extra")]
    [InlineData("{root}", "--quiet=yes")]
    [InlineData("{root}/does-not-exist")]
    public void Run_ReturnsTwoWithUsage_WhenTheCommandLineIsWrong(params string[] args)
    {
        using var content = TempContent.CopyOfSample();

        var result = Check([.. args.Select(a => a.Replace("{root}", content.Root, StringComparison.Ordinal))]);

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.ErrorLines[0].ShouldStartWith("error: ");
        result.Error.ShouldContain("certprep-authoring check <dir> [--quiet]");
    }
}

using CertPrep.Authoring.Tests.TestSupport;

namespace CertPrep.Authoring.Tests;

public sealed class AuthoringCliTests
{
    [Fact]
    public void Run_PrintsUsageAndReturnsTwo_WhenNoCommandIsGiven()
    {
        var result = CommandRunner.RunCli();

        result.ExitCode.ShouldBe(2);
        result.ErrorLines[0].ShouldBe("error: no command given.");
        result.Error.ShouldContain("usage: certprep-authoring <command> [arguments]");
    }

    [Fact]
    public void Run_ReturnsTwo_WhenTheCommandIsUnknown()
    {
        var result = CommandRunner.RunCli("lint", ".");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines[0].ShouldBe("error: unknown command 'lint'.");
        result.Out.ShouldBeEmpty();
    }

    [Fact]
    public void Run_PrintsEveryCommandOnStdout_WhenHelpIsAsked()
    {
        var result = CommandRunner.RunCli("--help");

        result.ExitCode.ShouldBe(0);
        foreach (var synopsis in new[] { "check <dir> [--quiet]", "stats <dir> [--json]", "new question <dir>", "new module <dir>", "new term <dir>", "import-gift <file.gift>", "import-aiken <file.txt>", "export-gift <dir>" })
        {
            result.Out.ShouldContain("  " + synopsis);
        }
    }

    [Fact]
    public void Run_DispatchesToTheCommand_WithTheRemainingArguments()
    {
        using var content = TempContent.CopyOfSample();

        var result = CommandRunner.RunCli("check", content.Root, "--quiet");

        result.ExitCode.ShouldBe(0);
        result.OutLines.ShouldBe(["0 errors, 0 warnings in 5 files"]);
    }
}

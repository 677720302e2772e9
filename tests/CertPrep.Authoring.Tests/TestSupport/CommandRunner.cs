using CertPrep.Authoring.Cli;

namespace CertPrep.Authoring.Tests.TestSupport;

/// <summary>What a command printed and returned.</summary>
public sealed record CommandResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Lines(Out);

    public string[] ErrorLines => Lines(Error);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}--- stderr\n{Error}";

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') is { Length: > 0 } trimmed ? trimmed.Split('\n') : [];
}

/// <summary>Runs commands in-process with captured output.</summary>
public static class CommandRunner
{
    public static CommandResult Run(Func<TextWriter, TextWriter, Command> create, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = create(stdout, stderr).Run(args);
        return new CommandResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static CommandResult RunCli(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = AuthoringCli.Run(args, stdout, stderr);
        return new CommandResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}

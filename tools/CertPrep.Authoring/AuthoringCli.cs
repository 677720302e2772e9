using CertPrep.Authoring.Cli;
using CertPrep.Authoring.Commands;

namespace CertPrep.Authoring;

/// <summary>The command line: picks the command named by the first argument and runs it with the rest.</summary>
public static class AuthoringCli
{
    /// <summary>Runs the tool; returns the exit code (<see cref="ExitCodes"/>).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var commands = Commands(stdout, stderr);
        if (args.Count == 0)
        {
            stderr.WriteLine("error: no command given.");
            stderr.Write(Usage(commands));
            return ExitCodes.Usage;
        }

        if (args[0] is "help" or "--help" or "-h")
        {
            stdout.Write(Usage(commands));
            return ExitCodes.Success;
        }

        if (commands.FirstOrDefault(c => c.Name == args[0]) is not { } command)
        {
            stderr.WriteLine($"error: unknown command '{args[0]}'.");
            stderr.Write(Usage(commands));
            return ExitCodes.Usage;
        }

        return command.Run([.. args.Skip(1)]);
    }

    /// <summary>Every command, writing to the given writers.</summary>
    public static IReadOnlyList<Command> Commands(TextWriter stdout, TextWriter stderr) =>
    [
        new CheckCommand(stdout, stderr),
        new StatsCommand(stdout, stderr),
        new NewCommand(stdout, stderr),
        new ImportGiftCommand(stdout, stderr),
        new ImportAikenCommand(stdout, stderr),
        new ExportGiftCommand(stdout, stderr),
    ];

    /// <summary>The help text.</summary>
    public static string Usage(IReadOnlyList<Command> commands)
    {
        var text = new StringWriter { NewLine = "\n" };
        text.WriteLine("usage: certprep-authoring <command> [arguments]");
        text.WriteLine();
        text.WriteLine("commands:");
        foreach (var command in commands)
        {
            foreach (var line in command.Synopsis)
            {
                text.WriteLine($"  {line}");
            }

            foreach (var line in command.Summary.Split('\n'))
            {
                text.WriteLine($"      {line}");
            }
        }

        text.WriteLine("  help");
        text.WriteLine("      Show this text.");
        text.WriteLine();
        text.WriteLine("exit codes: 0 done (warnings allowed), 1 content errors or refused (an existing file or id), 2 bad usage.");
        return text.ToString();
    }
}

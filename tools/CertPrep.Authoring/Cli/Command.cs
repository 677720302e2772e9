namespace CertPrep.Authoring.Cli;

/// <summary>
/// A command of the tool. It writes its results to <see cref="Out"/> and problems to <see cref="Error"/>, and returns an
/// exit code (<see cref="ExitCodes"/>); a <see cref="UsageException"/> becomes exit code 2 with the usage on stderr.
/// </summary>
public abstract class Command(TextWriter stdout, TextWriter stderr)
{
    /// <summary>The name typed on the command line, e.g. <c>check</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Synopsis lines, e.g. <c>check &lt;dir&gt; [--quiet]</c>.</summary>
    public abstract IReadOnlyList<string> Synopsis { get; }

    /// <summary>What the command does, in one or two lines (separated by <c>\n</c>).</summary>
    public abstract string Summary { get; }

    protected abstract ArgumentSpec Spec { get; }

    protected TextWriter Out { get; } = stdout;

    protected TextWriter Error { get; } = stderr;

    /// <summary>Runs the command with the arguments that follow its name.</summary>
    public int Run(IReadOnlyList<string> args)
    {
        try
        {
            return Execute(Arguments.Parse(args, Spec));
        }
        catch (UsageException ex)
        {
            Error.WriteLine($"error: {ex.Message}");
            Error.WriteLine("usage:");
            foreach (var line in Synopsis)
            {
                Error.WriteLine($"  certprep-authoring {line}");
            }

            Error.WriteLine("'certprep-authoring help' lists every command.");

            return ExitCodes.Usage;
        }
        catch (IOException ex)
        {
            Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (UnauthorizedAccessException ex)
        {
            Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    protected abstract int Execute(Arguments args);
}

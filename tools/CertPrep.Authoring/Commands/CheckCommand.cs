using CertPrep.Authoring.Cli;
using CertPrep.Content.Diagnostics;

namespace CertPrep.Authoring.Commands;

/// <summary><c>check &lt;dir&gt; [--quiet]</c>: every diagnostic of a content folder, then a summary line.</summary>
public sealed class CheckCommand(TextWriter stdout, TextWriter stderr) : Command(stdout, stderr)
{
    public override string Name => "check";

    public override IReadOnlyList<string> Synopsis => ["check <dir> [--quiet]"];

    public override string Summary => "Validate a content folder: print every error and warning as path:line:col, exit 1 when there are errors.";

    protected override ArgumentSpec Spec { get; } = new(["dir"], 1, ["quiet"], []);

    protected override int Execute(Arguments args)
    {
        var folder = ContentFolder.Load(args.Positional(0)!);
        var quiet = args.Flag("quiet");
        foreach (var diagnostic in folder.Library.Diagnostics.Where(d => !quiet || d.Severity == Severity.Error))
        {
            Out.WriteLine(diagnostic.ToString());
        }

        var errors = folder.Errors;
        var warnings = folder.Library.Diagnostics.Count - errors;
        var rejected = folder.Library.RejectedFiles.Count;
        var summary = $"{Count(errors, "error")}, {Count(warnings, "warning")} in {Count(folder.ContentFiles, "file")}";
        Out.WriteLine(rejected == 0 ? summary : $"{summary} ({Count(rejected, "file")} not imported)");
        return errors == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    internal static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}

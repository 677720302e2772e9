using CertPrep.Authoring.Cli;
using CertPrep.Content.Interop;

namespace CertPrep.Authoring.Commands;

/// <summary><c>export-gift &lt;dir&gt;</c>: writes the single, multiple and numeric questions as Moodle GIFT.</summary>
public sealed class ExportGiftCommand(TextWriter stdout, TextWriter stderr) : Command(stdout, stderr)
{
    public override string Name => "export-gift";

    public override IReadOnlyList<string> Synopsis => ["export-gift <dir> [--out <file.gift>] [--credential <id>]"];

    public override string Summary => "Export single, multiple and numeric questions to Moodle GIFT (to stdout without --out);\ncalculated questions and case sets are listed on stderr as skipped.";

    protected override ArgumentSpec Spec { get; } = new(["dir"], 1, [], ["out", "credential"]);

    protected override int Execute(Arguments args)
    {
        var folder = ContentFolder.Load(args.Positional(0)!);
        var questions = folder.Library.Questions;
        var cases = folder.Library.Cases;
        if (args.Option("credential") is { } id)
        {
            var credential = folder.ResolveCredential(id);
            questions = [.. questions.Where(q => q.Domains.Any(d => d.Credential == credential.Id))];
            cases = [.. cases.Where(c => questions.Any(q => q.CaseId == c.Id))];
        }

        var output = args.Option("out");
        if (output is not null && File.Exists(output))
        {
            Error.WriteLine($"error: {output} already exists; it is not overwritten.");
            return ExitCodes.Failure;
        }

        if (folder.Errors > 0)
        {
            Error.WriteLine($"warning: the content has {CheckCommand.Count(folder.Errors, "error")}; questions in files with errors are not exported (run 'check').");
        }

        var export = GiftFormat.Write(questions, cases);
        foreach (var issue in export.Issues)
        {
            Error.WriteLine(issue.ToString());
        }

        var skipped = export.Issues.Count(i => i.Skipped);
        if (output is null)
        {
            Out.Write(export.Text);
            Error.WriteLine($"Exported {CheckCommand.Count(export.Exported, "question")}; {skipped} skipped.");
        }
        else
        {
            using (var stream = new FileStream(output, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(export.Text);
            }

            Out.WriteLine($"Exported {CheckCommand.Count(export.Exported, "question")} to {output}; {skipped} skipped.");
        }

        return ExitCodes.Success;
    }
}

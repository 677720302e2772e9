using CertPrep.Authoring.Cli;
using CertPrep.Content.Interop;

namespace CertPrep.Authoring.Commands;

/// <summary><c>import-aiken &lt;file&gt;</c>: converts a Moodle Aiken file to a markdown question file.</summary>
public sealed class ImportAikenCommand(TextWriter stdout, TextWriter stderr) : Command(stdout, stderr)
{
    public override string Name => "import-aiken";

    public override IReadOnlyList<string> Synopsis => [QuestionImport.Synopsis(Name, ".txt")];

    public override string Summary => "Convert Aiken questions (A. … / ANSWER: B) to a markdown question file, the same way as import-gift.";

    protected override ArgumentSpec Spec => QuestionImport.Spec;

    protected override int Execute(Arguments args) => QuestionImport.Run(args, "Aiken", AikenFormat.Read, Out, Error);
}

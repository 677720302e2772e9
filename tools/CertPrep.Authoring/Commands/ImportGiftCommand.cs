using CertPrep.Authoring.Cli;
using CertPrep.Content.Interop;

namespace CertPrep.Authoring.Commands;

/// <summary><c>import-gift &lt;file&gt;</c>: converts a Moodle GIFT file to a markdown question file.</summary>
public sealed class ImportGiftCommand(TextWriter stdout, TextWriter stderr) : Command(stdout, stderr)
{
    public override string Name => "import-gift";

    public override IReadOnlyList<string> Synopsis => [QuestionImport.Synopsis(Name, ".gift")];

    public override string Summary => "Convert Moodle GIFT questions to a markdown question file (default: next to the input, .md);\nwhat cannot be converted is listed on stderr. Without --domain the file needs domains added by hand.";

    protected override ArgumentSpec Spec => QuestionImport.Spec;

    protected override int Execute(Arguments args) => QuestionImport.Run(args, "GIFT", GiftFormat.Read, Out, Error);
}

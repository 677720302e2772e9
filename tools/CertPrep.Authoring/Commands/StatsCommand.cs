using System.Globalization;
using System.Text.Json;
using CertPrep.Authoring.Cli;
using CertPrep.Authoring.Stats;

namespace CertPrep.Authoring.Commands;

/// <summary><c>stats &lt;dir&gt; [--json]</c>: questions, modules and terms per credential and domain, next to the blueprint.</summary>
public sealed class StatsCommand(TextWriter stdout, TextWriter stderr) : Command(stdout, stderr)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public override string Name => "stats";

    public override IReadOnlyList<string> Synopsis => ["stats <dir> [--json]"];

    public override string Summary => "Questions by type and difficulty, modules and glossary terms per credential and domain, next to the\nblueprint's weights; --json for scripts.";

    protected override ArgumentSpec Spec { get; } = new(["dir"], 1, ["json"], []);

    protected override int Execute(Arguments args)
    {
        var folder = ContentFolder.Load(args.Positional(0)!);
        var report = StatsReport.From(folder.Library);
        if (report.ContentErrors > 0)
        {
            Error.WriteLine($"warning: the content has {CheckCommand.Count(report.ContentErrors, "error")}; files with errors are not counted (run 'check' for details).");
        }

        if (args.Flag("json"))
        {
            Out.WriteLine(JsonSerializer.Serialize(report, Json));
            return ExitCodes.Success;
        }

        if (report.Credentials.Count == 0)
        {
            Out.WriteLine("No credential loaded.");
        }

        foreach (var credential in report.Credentials)
        {
            WriteCredential(credential);
        }

        return ExitCodes.Success;
    }

    private void WriteCredential(CredentialStats credential)
    {
        Out.WriteLine($"{credential.Id}: {credential.Name}");
        Out.WriteLine($"  {CheckCommand.Count(credential.Questions, "question")}, {CheckCommand.Count(credential.Modules, "module")}, {CheckCommand.Count(credential.GlossaryTerms, "glossary term")}; "
            + $"default form '{credential.Form}' has {CheckCommand.Count(credential.ScoredItems, "scored item")}.");
        Out.WriteLine();
        var table = new TextTable("Domain", "Weight", "Exam items", "Questions", "Share", "Single", "Multiple", "Numeric", "Calculated", "Easy", "Medium", "Hard", "Modules", "Name");
        foreach (var domain in credential.Domains)
        {
            var weight = domain.WeightPercent is { } percent ? Number(percent) + "%" : $"{domain.WeightItems} items";
            table.Add([domain.Id, domain.WeightConfirmed ? weight : weight + "*", Number(domain.ExamItems), Count(domain.Questions), Percent(domain.QuestionShare),
                .. Counts(domain.ByType, domain.ByDifficulty), Count(domain.Modules), domain.Name]);
        }

        table.Add(["All", "", Number(credential.Domains.Sum(d => d.ExamItems)), Count(credential.Questions), "", .. Counts(credential.ByType, credential.ByDifficulty), Count(credential.Modules), ""]);
        table.Write(Out, "  ");
        Out.WriteLine();
        Out.WriteLine($"  Exam items: the domain's weight applied to the {credential.ScoredItems} scored items. Share: the domain's share of the credential's questions");
        Out.WriteLine("  (a question mapped to several domains counts in each).");
        if (credential.Domains.Any(d => !d.WeightConfirmed))
        {
            Out.WriteLine("  * The weight is not confirmed by the issuing body.");
        }

        Out.WriteLine();
    }

    private static string[] Counts(TypeCounts type, DifficultyCounts difficulty) =>
        [.. new[] { type.Single, type.Multiple, type.Numeric, type.Calculated, difficulty.Easy, difficulty.Medium, difficulty.Hard }.Select(Count)];

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}

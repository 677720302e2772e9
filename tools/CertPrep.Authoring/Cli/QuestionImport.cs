using CertPrep.Content.Interop;
using CertPrep.Content.Model;

namespace CertPrep.Authoring.Cli;

/// <summary>What <c>import-gift</c> and <c>import-aiken</c> share: options, output file, report.</summary>
public static class QuestionImport
{
    /// <summary>The arguments both import commands take.</summary>
    public static readonly ArgumentSpec Spec = new(["file"], 1, [], ["out", "domain", "id-prefix", "topic"]);

    /// <summary>The synopsis of an import command.</summary>
    public static string Synopsis(string command, string extension) =>
        $"{command} <file{extension}> [--out <file.md>] [--domain <credential/domain>] [--id-prefix <prefix>] [--topic <topic>]";

    /// <summary>Reads the input with <paramref name="read"/>, reports what was skipped on stderr and writes the markdown file.</summary>
    public static int Run(Arguments args, string formatName, Func<string, ImportResult> read, TextWriter stdout, TextWriter stderr)
    {
        var input = args.Positional(0)!;
        if (!File.Exists(input))
        {
            throw new UsageException($"the file '{input}' does not exist.");
        }

        var output = args.Option("out") ?? Path.ChangeExtension(input, ".md");
        IReadOnlyList<DomainRef> domains = [];
        if (args.Option("domain") is { } domainText)
        {
            domains = DomainRef.Parse(domainText) is { } domain
                ? [domain]
                : throw new UsageException($"--domain '{domainText}' is not <credential>/<domain> (e.g. cpim/inventory).");
        }

        var prefix = args.Option("id-prefix") ?? QuestionMarkdownWriter.IdPrefixFor(input);
        if (!QuestionMarkdownWriter.IsValidIdPrefix(prefix))
        {
            throw new UsageException($"--id-prefix '{prefix}' is not valid: use lower-case letters, digits and hyphens.");
        }

        if (File.Exists(output))
        {
            stderr.WriteLine($"error: {output} already exists; it is not overwritten. Pass --out <file.md> to write elsewhere.");
            return ExitCodes.Failure;
        }

        var result = read(File.ReadAllText(input));
        foreach (var issue in result.Issues)
        {
            stderr.WriteLine(issue.Format(input));
        }

        if (result.Questions.Count == 0)
        {
            stderr.WriteLine($"error: no question in {input} could be converted; nothing was written.");
            return ExitCodes.Failure;
        }

        var settings = new MarkdownImportSettings(formatName, Path.GetFileName(input), prefix, domains, args.Option("topic"));
        var markdown = QuestionMarkdownWriter.Write(result.Questions, settings);
        if (Path.GetDirectoryName(Path.GetFullPath(output)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        using (var stream = new FileStream(output, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(markdown);
        }

        var count = result.Questions.Count;
        var ids = count == 1 ? QuestionMarkdownWriter.Id(prefix, 1) : $"{QuestionMarkdownWriter.Id(prefix, 1)} to {QuestionMarkdownWriter.Id(prefix, count)}";
        stdout.WriteLine($"Wrote {(count == 1 ? "1 question" : $"{count} questions")} ({ids}) to {output}; {(result.Issues.Count == 0 ? "nothing skipped" : $"{result.Issues.Count} skipped (listed above)")}.");
        if (domains.Count == 0)
        {
            stdout.WriteLine("No --domain was given: add 'domains: [<credential>/<domain>]' to the file's front matter, or the questions do not pass check.");
        }

        stdout.WriteLine("Move the file to <content>/<credential>/questions/, replace the TODO placeholders, review bloom and difficulty, add 'source', then run check.");
        return ExitCodes.Success;
    }
}

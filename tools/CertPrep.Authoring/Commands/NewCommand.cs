using System.Globalization;
using System.Text.RegularExpressions;
using CertPrep.Authoring.Cli;
using CertPrep.Content.Model;
using CertPrep.Content.Parsing;

namespace CertPrep.Authoring.Commands;

/// <summary>
/// <c>new question|module|term &lt;dir&gt;</c>: scaffolds content that passes <c>check</c> as it is, with every text an
/// author must write marked <c>TODO:</c>. Never overwrites a file or reuses an id.
/// </summary>
public sealed partial class NewCommand(TextWriter stdout, TextWriter stderr) : Command(stdout, stderr)
{
    /// <summary>New questions are appended to this file in the credential's questions folder.</summary>
    public const string QuestionFileName = "new-questions.md";

    /// <summary>New terms are appended to this file in the glossary folder.</summary>
    public const string TermFileName = "new-terms.md";

    public override string Name => "new";

    public override IReadOnlyList<string> Synopsis =>
    [
        "new question <dir> [--credential <id>] [--domain <id>] [--id <id>]",
        "new module <dir> [--credential <id>] [--domain <id>] [--id <id>]",
        "new term <dir> [--credential <id>] [--id <term>]",
    ];

    public override string Summary =>
        $"Scaffold a question (appended to <credential>/questions/{QuestionFileName}), a module (<credential>/modules/NN-<id>.md)\n"
        + $"or a glossary term (glossary/{TermFileName}) that passes check, with TODO placeholders. Refuses existing ids.\n"
        + "With exactly one credential, --credential and --domain default to it and its first domain.";

    protected override ArgumentSpec Spec { get; } = new(["question|module|term", "dir"], 2, [], ["credential", "domain", "id"]);

    protected override int Execute(Arguments args)
    {
        var kind = args.Positional(0)!;
        if (kind is not ("question" or "module" or "term"))
        {
            throw new UsageException($"'new {kind}' is not known: new makes a question, a module or a term.");
        }

        if (kind == "term" && args.Option("domain") is not null)
        {
            throw new UsageException("'--domain' does not apply to glossary terms.");
        }

        var id = args.Option("id");
        if (id is not null && kind != "term" && !IdRegex().IsMatch(id))
        {
            throw new UsageException($"'{id}' is not a valid id: use lower-case letters, digits and hyphens.");
        }

        var folder = ContentFolder.Load(args.Positional(1)!);
        if (folder.Errors > 0)
        {
            Error.WriteLine($"warning: the content has {CheckCommand.Count(folder.Errors, "error")} (run 'check'); ids in files with errors are still avoided.");
        }

        return kind switch
        {
            "question" => NewQuestion(folder, args, id),
            "module" => NewModule(folder, args, id),
            _ => NewTerm(folder, args, id),
        };
    }

    private int NewQuestion(ContentFolder folder, Arguments args, string? id)
    {
        var (credential, domain) = ResolveDomain(folder, args);
        var existing = ExistingQuestionIds(folder);
        if (id is not null && existing.Contains(id))
        {
            return Refuse($"the question id '{id}' is already used.");
        }

        id ??= FirstFree(n => string.Create(CultureInfo.InvariantCulture, $"{credential.Id}-{domain.Id}-{n:000}"), existing);
        var path = Path.Combine(folder.Root, credential.Id, "questions", QuestionFileName);
        var block = $"""
            ## Question {id}

            ```yaml
            type: single
            domains: [{credential.Id}/{domain.Id}]
            topic: "TODO: topic"
            bloom: remember
            difficulty: medium
            # source: <module-id>#<section-anchor>
            ```

            TODO: write the question.

            - [x] TODO: the right answer.
              > TODO: why this answer is right.
            - [ ] TODO: a wrong answer.
              > TODO: why this answer is wrong.
            - [ ] TODO: a second wrong answer.
              > TODO: why this answer is wrong.
            - [ ] TODO: a third wrong answer.
              > TODO: why this answer is wrong.

            ### Explanation

            TODO: explain the answer in a sentence or two.

            """;
        const string header = """
            ---
            # Questions scaffolded by 'certprep-authoring new question'. Move each to its question file once written.
            ---

            # New questions

            """;
        Append(path, header, block);
        Out.WriteLine($"Added question {id} to {folder.Relative(path)}. Replace every TODO, set 'source', then run check.");
        return ExitCodes.Success;
    }

    private int NewModule(ContentFolder folder, Arguments args, string? id)
    {
        var (credential, domain) = ResolveDomain(folder, args);
        var modules = ModuleFiles(folder).ToList();
        var existing = folder.Library.Modules.Select(m => m.Id).Concat(modules.Select(m => m.Id).OfType<string>()).ToHashSet(StringComparer.Ordinal);
        if (id is not null && existing.Contains(id))
        {
            return Refuse($"the module id '{id}' is already used.");
        }

        id ??= FirstFree(n => n == 1 ? $"{credential.Id}-{domain.Id}" : string.Create(CultureInfo.InvariantCulture, $"{credential.Id}-{domain.Id}-{n}"), existing);
        var order = folder.Library.Modules.Where(m => m.Credential == credential.Id).Select(m => m.Order)
            .Concat(modules.Where(m => m.Credential == credential.Id).Select(m => m.Order ?? 0))
            .DefaultIfEmpty(0).Max() + 1;
        var path = Path.Combine(folder.Root, credential.Id, "modules", string.Create(CultureInfo.InvariantCulture, $"{order:00}-{id}.md"));
        if (File.Exists(path))
        {
            return Refuse($"{folder.Relative(path)} already exists.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WriteNew(path, $"""
            ---
            id: {id}
            credential: {credential.Id}
            domains: [{domain.Id}]
            order: {order}
            title: "TODO: title"
            summary: "TODO: one or two sentences shown in lists."
            objectives:
              - "TODO: what the learner can do after reading this module."
            keyTerms: []
            readingMinutes: 10
            ---

            ## Overview

            TODO: write the module.

            """);
        Out.WriteLine($"Created module {id} in {folder.Relative(path)}. Replace every TODO, then run check.");
        return ExitCodes.Success;
    }

    private int NewTerm(ContentFolder folder, Arguments args, string? term)
    {
        var credential = folder.ResolveCredential(args.Option("credential"));
        if (term is not null && (term.Contains('\n', StringComparison.Ordinal) || term.TrimStart().StartsWith('#') || GlossaryParser.Slug(term).Length == 0))
        {
            throw new UsageException($"'{term}' cannot be a glossary heading: give the term as words, e.g. --id \"Reorder point\".");
        }

        var existing = folder.Library.Terms.Select(t => t.Id).Concat(GlossaryHeadings(folder).Select(GlossaryParser.Slug)).ToHashSet(StringComparer.Ordinal);
        if (term is not null && existing.Contains(GlossaryParser.Slug(term)))
        {
            return Refuse($"the glossary already has the term '{term}' (#{GlossaryParser.Slug(term)}).");
        }

        term ??= FirstFree(n => n == 1 ? "TODO term" : string.Create(CultureInfo.InvariantCulture, $"TODO term {n}"), existing, GlossaryParser.Slug);
        var path = Path.Combine(folder.Root, "glossary", TermFileName);
        var block = $"""
            ## {term.Trim()}

            ```yaml
            credentials: [{credential.Id}]
            aliases: []
            ```

            TODO: define the term in a sentence or two.

            """;
        const string header = """
            # New glossary terms

            Terms scaffolded by 'certprep-authoring new term'. Move each to its glossary file once written.

            """;
        Append(path, header, block);
        Out.WriteLine($"Added term '{term.Trim()}' (#{GlossaryParser.Slug(term)}) to {folder.Relative(path)}. Replace the TODO, then run check.");
        return ExitCodes.Success;
    }

    /// <summary>The credential and domain from --credential/--domain; both default only when there is exactly one credential.</summary>
    private static (Credential Credential, ExamDomain Domain) ResolveDomain(ContentFolder folder, Arguments args)
    {
        var credentialId = args.Option("credential");
        var domainId = args.Option("domain");
        if (domainId is not null && domainId.Contains('/', StringComparison.Ordinal))
        {
            var reference = DomainRef.Parse(domainId) ?? throw new UsageException($"'{domainId}' is not <domain> or <credential>/<domain>.");
            if (credentialId is not null && credentialId != reference.Credential)
            {
                throw new UsageException($"--domain {domainId} is not a domain of --credential {credentialId}.");
            }

            (credentialId, domainId) = (reference.Credential, reference.Domain);
        }

        var credential = folder.ResolveCredential(credentialId);
        if (domainId is null)
        {
            return folder.Library.Credentials.Count == 1
                ? (credential, credential.Domains[0])
                : throw new UsageException($"there are several credentials: pass --domain <id> as well ({credential.Id} has {string.Join(", ", credential.Domains.Select(d => d.Id))}).");
        }

        return (credential, credential.Domain(domainId)
            ?? throw new UsageException($"'{domainId}' is not a domain of {credential.Id} ({string.Join(", ", credential.Domains.Select(d => d.Id))})."));
    }

    private int Refuse(string message)
    {
        Error.WriteLine($"error: {message} Nothing was written.");
        return ExitCodes.Failure;
    }

    private static string FirstFree(Func<int, string> candidate, HashSet<string> taken, Func<string, string>? key = null)
    {
        for (var n = 1; ; n++)
        {
            var id = candidate(n);
            if (!taken.Contains(key is null ? id : key(id)))
            {
                return id;
            }
        }
    }

    private static void Append(string path, string header, string block)
    {
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path);
            File.AppendAllText(path, (text.EndsWith('\n') ? "\n" : "\n\n") + block);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            WriteNew(path, header + "\n" + block);
        }
    }

    private static void WriteNew(string path, string text)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        using var writer = new StreamWriter(stream);
        writer.Write(text.ReplaceLineEndings("\n"));
    }

    /// <summary>Ids in every question file, read from the headings so files with errors count too.</summary>
    private static HashSet<string> ExistingQuestionIds(ContentFolder folder)
    {
        var ids = folder.Library.Questions.Select(q => q.Id).Concat(folder.Library.Cases.Select(c => c.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Files(folder, parts => parts is [_, "questions", _]))
        {
            foreach (Match heading in QuestionHeadingRegex().Matches(ReadText(file)))
            {
                ids.Add(heading.Groups[1].Value);
            }
        }

        return ids;
    }

    /// <summary>Id, credential and order of every module file, read from its front matter so files with errors count too.</summary>
    private static IEnumerable<(string? Id, string Credential, int? Order)> ModuleFiles(ContentFolder folder)
    {
        foreach (var file in Files(folder, parts => parts is [_, "modules", _]))
        {
            var yaml = FrontMatter.Split(ReadText(file)).Yaml;
            var id = ModuleIdRegex().Match(yaml) is { Success: true } idMatch ? idMatch.Groups[1].Value : null;
            var order = ModuleOrderRegex().Match(yaml) is { Success: true } orderMatch && int.TryParse(orderMatch.Groups[1].Value, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
            yield return (id, folder.Relative(file).Split('/')[0], order);
        }
    }

    private static IEnumerable<string> GlossaryHeadings(ContentFolder folder) =>
        Files(folder, parts => parts is ["glossary", _]).SelectMany(file => GlossaryHeadingRegex().Matches(ReadText(file)).Select(m => m.Groups[1].Value));

    private static IEnumerable<string> Files(ContentFolder folder, Func<string[], bool> where) =>
        Directory.EnumerateFiles(folder.Root, "*.md", SearchOption.AllDirectories).Where(f => where(folder.Relative(f).Split('/')));

    private static string ReadText(string path) => File.ReadAllText(path).ReplaceLineEndings("\n");

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"^#{2,3}[ \t]+(?:Question|Case)[ \t]+(\S+)[ \t]*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex QuestionHeadingRegex();

    [GeneratedRegex(@"^id:[ \t]*[""']?([^""'\s#]+)", RegexOptions.Multiline)]
    private static partial Regex ModuleIdRegex();

    [GeneratedRegex(@"^order:[ \t]*[""']?(\d+)", RegexOptions.Multiline)]
    private static partial Regex ModuleOrderRegex();

    [GeneratedRegex(@"^##[ \t]+(\S.*?)[ \t]*#*[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex GlossaryHeadingRegex();
}

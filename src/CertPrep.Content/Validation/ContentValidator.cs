using System.Globalization;
using CertPrep.Content.Diagnostics;
using CertPrep.Content.Expressions;
using CertPrep.Content.Model;
using CertPrep.Content.Rendering;

namespace CertPrep.Content.Validation;

/// <summary>Checks what no single file can: ids unique across files, and every reference resolving.</summary>
internal static class ContentValidator
{
    public static void Validate(ParsedContent content, DiagnosticBag diagnostics)
    {
        var credentials = content.Credentials.ToDictionary(c => c.Id, StringComparer.Ordinal);
        // A file that could not be read is reported once, in that file: references to it are not errors as well.
        var unreadable = new Unreadable(content);
        var modulesById = new Dictionary<string, StudyModule>(StringComparer.Ordinal);
        foreach (var module in content.Modules)
        {
            if (!modulesById.TryAdd(module.Id, module))
            {
                diagnostics.Error(module.Location, "module.duplicate-id", $"The module id '{module.Id}' is also used by {modulesById[module.Id].Location.Path}.");
            }
        }

        var modulesByPath = content.Modules.ToDictionary(m => m.Location.Path, StringComparer.Ordinal);
        var terms = new Dictionary<string, GlossaryTerm>(StringComparer.Ordinal);
        foreach (var term in content.Terms)
        {
            if (!terms.TryAdd(term.Id, term))
            {
                diagnostics.Error(term.Location, "glossary.duplicate", $"The term '{term.Term}' is also defined in {terms[term.Id].Location.Path}:{terms[term.Id].Location.Line}.");
            }
        }

        var questionIds = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var item in content.Questions.Select(q => (q.Id, q.Location)).Concat(content.Cases.Select(c => (c.Id, c.Location))))
        {
            if (!questionIds.TryAdd(item.Id, item.Location) && questionIds[item.Id].Path != item.Location.Path)
            {
                diagnostics.Error(item.Location, "questions.duplicate-id", $"The id '{item.Id}' is also used in {questionIds[item.Id].Path}:{questionIds[item.Id].Line}.");
            }
        }

        foreach (var module in content.Modules)
        {
            CheckModule(module, credentials, modulesById, terms, unreadable, diagnostics);
            foreach (var link in content.Links.GetValueOrDefault(module.Location.Path) ?? [])
            {
                CheckLink(module.Location.Path, link, modulesByPath, terms, content.Assets, unreadable, diagnostics);
            }
        }

        foreach (var question in content.Questions)
        {
            CheckQuestion(question, credentials, modulesById, modulesByPath, terms, content.Assets, unreadable, diagnostics);
        }

        foreach (var term in content.Terms)
        {
            foreach (var credential in term.Credentials.Where(c => !credentials.ContainsKey(c) && !unreadable.Credential(c)))
            {
                diagnostics.Error(term.Location, "glossary.unknown-credential", $"'{term.Term}' names the credential '{credential}', which has no credential.yml.");
            }

            foreach (var related in term.Related.Where(r => !terms.ContainsKey(r)))
            {
                diagnostics.Error(term.Location, "glossary.unknown-related", $"'{term.Term}' is related to '{related}', which is not a glossary term.");
            }
        }

        foreach (var clash in content.Modules.GroupBy(m => (m.Credential, m.Order)).Where(g => g.Count() > 1))
        {
            foreach (var module in clash.Skip(1))
            {
                diagnostics.Warning(module.Location, "module.duplicate-order",
                    $"Module '{module.Id}' has order {module.Order}, like '{clash.First().Id}': the reading order between them is arbitrary.");
            }
        }

        foreach (var credential in content.Credentials)
        {
            foreach (var domain in credential.Domains)
            {
                foreach (var required in domain.Requires.Where(r => credential.Domain(r) is null))
                {
                    diagnostics.Error(credential.Location, "credential.unknown-domain", $"Domain '{domain.Id}' requires '{required}', which is not a domain of {credential.Id}.");
                }
            }
        }
    }

    private static void CheckModule(StudyModule module, Dictionary<string, Credential> credentials, Dictionary<string, StudyModule> modules, Dictionary<string, GlossaryTerm> terms, Unreadable unreadable, DiagnosticBag diagnostics)
    {
        var folder = module.Location.Path.Split('/')[0];
        if (module.Credential != folder)
        {
            diagnostics.Error(module.Location, "module.credential-folder", $"The module says credential '{module.Credential}' but lives in the '{folder}' folder.");
        }

        if (!credentials.TryGetValue(module.Credential, out var credential))
        {
            if (!unreadable.Credential(module.Credential))
            {
                diagnostics.Error(module.Location, "module.unknown-credential", $"'{module.Credential}' has no {module.Credential}/credential.yml.");
            }
        }
        else
        {
            foreach (var domain in module.Domains.Where(d => credential.Domain(d) is null))
            {
                diagnostics.Error(module.Location, "module.unknown-domain", $"'{domain}' is not a domain of {credential.Id} ({string.Join(", ", credential.Domains.Select(d => d.Id))}).");
            }
        }

        foreach (var required in module.Requires.Where(r => !modules.ContainsKey(r) && !unreadable.AnyModule))
        {
            diagnostics.Error(module.Location, "module.unknown-module", $"'requires' names '{required}', which is not a module id.");
        }

        foreach (var term in module.KeyTerms.Where(t => !terms.ContainsKey(t) && !unreadable.AnyGlossary))
        {
            diagnostics.Error(module.Location, "module.unknown-term", $"Key term '{term}' is not in the glossary (glossary/*.md, '## <Term>' whose anchor is '{term}').");
        }

        foreach (var duplicate in module.Sections.GroupBy(s => s.Anchor).Where(g => g.Count() > 1 && g.Key.Length > 0))
        {
            diagnostics.Warning(new(module.Location.Path, duplicate.Skip(1).First().Line, 1), "module.duplicate-heading",
                $"Two headings have the anchor '#{duplicate.Key}'; links reach only the first.");
        }
    }

    private static void CheckQuestion(
        Question question,
        Dictionary<string, Credential> credentials,
        Dictionary<string, StudyModule> modules,
        Dictionary<string, StudyModule> modulesByPath,
        Dictionary<string, GlossaryTerm> terms,
        HashSet<string> assets,
        Unreadable unreadable,
        DiagnosticBag diagnostics)
    {
        foreach (var domain in question.Domains)
        {
            if (!credentials.TryGetValue(domain.Credential, out var credential))
            {
                if (unreadable.Credential(domain.Credential))
                {
                    continue;
                }

                diagnostics.Error(question.Location, "question.unknown-credential", $"Question '{question.Id}' maps to '{domain}', but there is no credential '{domain.Credential}'.");
            }
            else if (credential.Domain(domain.Domain) is null)
            {
                diagnostics.Error(question.Location, "question.unknown-domain", $"Question '{question.Id}' maps to '{domain}', but {credential.Id} has no domain '{domain.Domain}'.");
            }
        }

        if (question.Source is { } source)
        {
            var hash = source.IndexOf('#', StringComparison.Ordinal);
            var moduleId = hash >= 0 ? source[..hash] : source;
            var anchor = hash >= 0 ? source[(hash + 1)..] : null;
            if (!modules.TryGetValue(moduleId, out var module))
            {
                if (unreadable.AnyModule)
                {
                    diagnostics.Warning(question.Location, "question.source-unchecked", $"'source: {source}' could not be checked: a module file has errors.");
                }
                else
                {
                    diagnostics.Error(question.Location, "question.bad-source", $"'source: {source}' names the module '{moduleId}', which does not exist.");
                }
            }
            else if (anchor is not null && module.Sections.All(s => s.Anchor != anchor))
            {
                diagnostics.Error(question.Location, "question.bad-source", $"Module '{moduleId}' has no section '#{anchor}'.");
            }
        }

        var fragments = new[] { question.Stem, question.Explanation }.Concat(question.Options.SelectMany(o => new[] { o.Text, o.Rationale }));
        foreach (var fragment in fragments.Where(MayContainLinks))
        {
            if (!ContentMarkdown.TryParse(fragment, out var parsedFragment))
            {
                diagnostics.Error(question.Location, "markdown.too-deep", $"Question '{question.Id}' has text nested too deeply (quotes, lists or brackets inside each other) to be read.");
                continue;
            }

            foreach (var link in ContentMarkdown.Links(parsedFragment, question.Location.Line))
            {
                CheckLink(question.Location.Path, link with { Line = question.Location.Line, Column = 1 }, modulesByPath, terms, assets, unreadable, diagnostics);
            }
        }

        if (question.Calculation is { } calculation)
        {
            CheckCalculation(question, calculation, diagnostics);
        }
    }

    private static void CheckLink(string path, MarkdownLink link, Dictionary<string, StudyModule> modulesByPath, Dictionary<string, GlossaryTerm> terms, HashSet<string> assets, Unreadable unreadable, DiagnosticBag diagnostics)
    {
        var at = new SourceLocation(path, link.Line, link.Column);
        if (link.IsImage && link.Text.Length == 0)
        {
            diagnostics.Error(at, "link.no-alt", $"The image '{link.Url}' needs alt text: ![what the image shows]({link.Url}).");
        }

        if (!ContentMarkdown.IsSafe(link.Url))
        {
            diagnostics.Error(at, "link.unsafe", $"'{link.Url}' is not allowed: links are http, https, mailto or relative.");
            return;
        }

        if (!ContentMarkdown.IsRelative(link.Url))
        {
            if (link.IsImage)
            {
                diagnostics.Error(at, "link.remote-image", "Images are stored under content/ and linked with a relative path, so the site never loads third-party files.");
            }

            return;
        }

        var target = ContentLinks.Resolve(path, link.Url);
        if (target is not null && unreadable.File(target.Path))
        {
            return;
        }

        switch (target)
        {
            case null:
                diagnostics.Error(at, "link.outside", $"'{link.Url}' points outside the content folder.");
                break;
            case { Kind: LinkTargetKind.Module }:
                if (!modulesByPath.TryGetValue(target.Path, out var module))
                {
                    diagnostics.Error(at, "link.broken", $"'{link.Url}' points to {target.Path}, which is not a module.");
                }
                else if (target.Anchor is not null && module.Sections.All(s => s.Anchor != target.Anchor))
                {
                    diagnostics.Error(at, "link.broken", $"Module '{module.Id}' has no section '#{target.Anchor}'.");
                }

                break;
            case { Kind: LinkTargetKind.GlossaryTerm }:
                if (target.Anchor is null || !terms.TryGetValue(target.Anchor, out var term) || term.Location.Path != target.Path)
                {
                    diagnostics.Error(at, "link.broken", $"'{link.Url}' does not name a term defined in {target.Path} ('#<term-anchor>').");
                }

                break;
            default:
                if (!assets.Contains(target.Path))
                {
                    diagnostics.Error(at, "link.broken", $"'{link.Url}' points to {target.Path}, which does not exist.");
                }

                break;
        }
    }

    /// <summary>Cheap pre-check: markdown without '[' or '&lt;' has no link or image to check, so it is not parsed.</summary>
    private static bool MayContainLinks(string markdown) => markdown.Contains('[', StringComparison.Ordinal) || markdown.Contains('<', StringComparison.Ordinal);

    /// <summary>Calculations already checked in this process (same formula, ranges and bounds): edits elsewhere do not re-check them.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> CheckedCalculations = new(StringComparer.Ordinal);

    /// <summary>How many variable combinations are tried exhaustively before sampling instead.</summary>
    internal const int ExhaustiveLimit = 20_000;

    private static void CheckCalculation(Question question, Calculation calculation, DiagnosticBag diagnostics)
    {
        Expression expression;
        try
        {
            expression = Expression.Parse(calculation.Formula);
        }
        catch (ExpressionException ex)
        {
            diagnostics.Error(question.Location, "calculated.formula", $"The formula '{calculation.Formula}' is not valid at character {ex.Position + 1}: {ex.Message}");
            return;
        }

        var defined = calculation.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in expression.Variables.Where(v => !defined.Contains(v)))
        {
            diagnostics.Error(question.Location, "calculated.unknown-variable", $"The formula uses '{missing}', which is not among the variables.");
        }

        foreach (var unused in calculation.Variables.Where(v => !expression.Variables.Contains(v.Name) && !question.Stem.Contains($"{{{v.Name}}}", StringComparison.Ordinal)))
        {
            diagnostics.Warning(question.Location, "calculated.unused-variable", $"Variable '{unused.Name}' is used neither in the formula nor in the stem.");
        }

        if (expression.Variables.Any(v => !defined.Contains(v)) || calculation.Variables.Count == 0)
        {
            return;
        }

        var signature = string.Create(CultureInfo.InvariantCulture,
            $"{calculation.Formula}|{string.Join(';', calculation.Variables.Select(v => $"{v.Name}={v.Min:R}..{v.Max:R}/{v.Step:R}"))}|{calculation.AnswerRange}");
        var problem = CheckedCalculations.GetOrAdd(signature, _ => EvaluateRange(expression, calculation));
        if (problem is not null)
        {
            diagnostics.Error(question.Location, problem[..problem.IndexOf(' ', StringComparison.Ordinal)], problem[(problem.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        }
    }

    /// <summary>Evaluates the formula over the variables' ranges; returns "code message" for the first problem, or null.</summary>
    private static string? EvaluateRange(Expression expression, Calculation calculation)
    {
        foreach (var values in Draws(calculation.Variables))
        {
            double answer;
            try
            {
                answer = expression.Evaluate(values);
            }
            catch (ExpressionException ex)
            {
                return $"calculated.fails The formula fails for {Describe(values)}: {ex.Message}";
            }

            if (calculation.AnswerRange is { } range && (answer < range.Min || answer > range.Max))
            {
                return string.Create(CultureInfo.InvariantCulture, $"calculated.out-of-range For {Describe(values)} the answer is {answer:G6}, outside answerMin/answerMax ({range.Min:G6}..{range.Max:G6}).");
            }
        }

        return null;
    }

    /// <summary>Every combination when there are few; otherwise every corner plus a fixed-seed sample.</summary>
    private static IEnumerable<Dictionary<string, double>> Draws(IReadOnlyList<CalculationVariable> variables)
    {
        var total = variables.Aggregate(1.0, (n, v) => n * v.Count);
        if (total <= ExhaustiveLimit)
        {
            var indexes = new int[variables.Count];
            var values = new Dictionary<string, double>(StringComparer.Ordinal); // reused: each draw is consumed before the next
            while (true)
            {
                for (var i = 0; i < variables.Count; i++)
                {
                    values[variables[i].Name] = variables[i].ValueAt(indexes[i]);
                }

                yield return values;
                var position = 0;
                while (position < indexes.Length && ++indexes[position] == variables[position].Count)
                {
                    indexes[position++] = 0;
                }

                if (position == indexes.Length)
                {
                    yield break;
                }
            }
        }

        var corners = Math.Min(1 << Math.Min(variables.Count, 12), 4096);
        for (var mask = 0; mask < corners; mask++)
        {
            yield return variables.Select((v, i) => (v.Name, Value: (mask >> i & 1) == 0 ? v.ValueAt(0) : v.ValueAt(v.Count - 1))).ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal);
        }

        var random = new Random(20261122);
        for (var draw = 0; draw < 4_000; draw++)
        {
            yield return variables.ToDictionary(v => v.Name, v => v.ValueAt(random.Next(v.Count)), StringComparer.Ordinal);
        }
    }

    private static string Describe(Dictionary<string, double> values) =>
        string.Join(", ", values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key} = {v.Value:G6}")));

    /// <summary>Files that could not be read, so references into them are not reported again.</summary>
    private sealed class Unreadable(ParsedContent content)
    {
        public bool AnyModule { get; } = content.Rejected.Any(p => p.Split('/') is [_, "modules", _]);

        public bool AnyGlossary { get; } = content.Rejected.Any(p => p.StartsWith("glossary/", StringComparison.Ordinal));

        public bool Credential(string id) => content.Rejected.Contains($"{id}/credential.yml");

        public bool File(string path) => content.Rejected.Contains(path);
    }
}

using System.Globalization;
using System.Text;
using CertPrep.Content.Diagnostics;
using CertPrep.Content.Model;
using CertPrep.Content.Rendering;

namespace CertPrep.Content.Tests.Golden;

/// <summary>
/// A stable, readable text form of what the parsers produced, for golden files: one item per block, one property per
/// line, markdown text quoted line by line with <c>| </c> so whitespace shows, numbers in invariant culture.
/// </summary>
public static class GoldenDump
{
    public static string Questions(IReadOnlyList<Question> questions, IReadOnlyList<CaseSet> cases)
    {
        var text = new Writer();
        text.Line($"questions: {questions.Count}, cases: {cases.Count}");
        foreach (var caseSet in cases)
        {
            text.Line();
            text.Line($"case {caseSet.Id} (line {caseSet.Location.Line})");
            text.Line($"  title: {caseSet.Title}");
            text.Line($"  questions: {List(caseSet.QuestionIds)}");
            text.Quote("  stem:", caseSet.Stem);
        }

        foreach (var question in questions)
        {
            text.Line();
            text.Line($"question {question.Id} (line {question.Location.Line})");
            text.Line($"  type: {Name(question.Type)}");
            text.Line($"  domains: {List(question.Domains.Select(d => d.ToString()))}");
            text.Line($"  topic: {question.Topic}");
            text.Line($"  bloom: {Name(question.Bloom)}");
            text.Line($"  difficulty: {Name(question.Difficulty)}");
            text.Line($"  source: {question.Source ?? "-"}");
            text.Line($"  case: {question.CaseId ?? "-"}");
            text.Line($"  hash: {question.ContentHash}");
            text.Quote("  stem:", question.Stem);
            if (question.Options.Count > 0)
            {
                text.Line("  options:");
                foreach (var option in question.Options)
                {
                    text.Line($"    - [{(option.IsKey ? "x" : " ")}] {option.Text}{(option.Pinned ? " {pinned}" : "")} (line {option.Location.Line}, column {option.Location.Column})");
                    text.Quote("        rationale:", option.Rationale);
                }
            }

            if (question.Answer is { } answer)
            {
                text.Line($"  answer: {Number(answer.Value)} ± {Tolerance(answer.Tolerance, answer.Relative)}{(answer.Unit is null ? "" : " " + answer.Unit)}");
            }

            if (question.Calculation is { } calculation)
            {
                text.Line("  calculation:");
                text.Line("    variables:");
                foreach (var variable in calculation.Variables)
                {
                    text.Line($"      {variable.Name} = {Number(variable.Min)} to {Number(variable.Max)} step {Number(variable.Step)} ({variable.Count} values)");
                }

                text.Line($"    formula: {calculation.Formula}");
                text.Line($"    tolerance: {Tolerance(calculation.Tolerance, calculation.Relative)}");
                text.Line($"    unit: {calculation.Unit ?? "-"}");
                text.Line($"    decimals: {calculation.Decimals}");
                text.Line($"    answer range: {(calculation.AnswerRange is { } range ? $"{Bound(range.Min)} to {Bound(range.Max)}" : "-")}");
            }

            text.Quote("  explanation:", question.Explanation);
        }

        return text.ToString();
    }

    public static string Module(StudyModule? module, IReadOnlyList<MarkdownLink> links)
    {
        var text = new Writer();
        if (module is null)
        {
            text.Line("module: not read (see diagnostics.txt)");
        }
        else
        {
            text.Line($"module {module.Id} (body from line {module.BodyLine})");
            text.Line($"  credential: {module.Credential}");
            text.Line($"  domains: {List(module.Domains)}");
            text.Line($"  order: {module.Order}");
            text.Line($"  title: {module.Title}");
            text.Line($"  summary: {module.Summary ?? "-"}");
            text.Line("  objectives:");
            foreach (var objective in module.Objectives)
            {
                text.Line($"    - {objective}");
            }

            text.Line($"  keyTerms: {List(module.KeyTerms)}");
            text.Line($"  readingMinutes: {module.ReadingMinutes}");
            text.Line($"  requires: {List(module.Requires)}");
            text.Line("  sections:");
            foreach (var section in module.Sections)
            {
                text.Line($"    h{section.Level} #{section.Anchor} \"{section.Title}\" (line {section.Line})");
            }
        }

        text.Line("links:");
        foreach (var link in links)
        {
            text.Line($"  {(link.IsImage ? "image" : "link")} {link.Url} \"{link.Text}\" (line {link.Line}, column {link.Column})");
        }

        return text.ToString();
    }

    public static string Glossary(IReadOnlyList<GlossaryTerm> terms)
    {
        var text = new Writer();
        text.Line($"terms: {terms.Count}");
        foreach (var term in terms)
        {
            text.Line();
            text.Line($"term {term.Id} \"{term.Term}\" (line {term.Location.Line})");
            text.Line($"  aliases: {List(term.Aliases)}");
            text.Line($"  related: {List(term.Related)}");
            text.Line($"  credentials: {List(term.Credentials)}");
            text.Quote("  definition:", term.Definition);
        }

        return text.ToString();
    }

    public static string Credential(Credential? credential)
    {
        var text = new Writer();
        if (credential is null)
        {
            text.Line("credential: not read (see diagnostics.txt)");
            return text.ToString();
        }

        text.Line($"credential {credential.Id} (line {credential.Location.Line})");
        text.Line($"  name: {credential.Name}");
        text.Line($"  issuer: {credential.Issuer}");
        text.Line($"  outline: {Fact(credential.Outline)}");
        text.Line($"  studyHours: {credential.RecommendedStudyHours?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        text.Line($"  default form: {credential.DefaultForm.Id}");
        text.Line("  forms:");
        foreach (var form in credential.Forms)
        {
            text.Line($"    form {form.Id} \"{form.Name}\"");
            text.Line($"      items: {Fact(form.Items)}");
            text.Line($"      scored: {Fact(form.ScoredItems)}");
            text.Line($"      pretest: {Fact(form.PretestItems)}");
            text.Line($"      minutes: {Fact(form.Minutes)}");
            text.Line($"      scale: {Fact(form.ScoreScale)}");
            text.Line($"      pass: {Fact(form.PassMark)}");
            text.Line($"      openBook: {Fact(form.OpenBook)}");
            text.Line($"      domainItems: {(form.DomainItems.Count == 0 ? "-" : string.Join(", ", form.DomainItems.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key} = {Fact(d.Value)}")))}");
        }

        text.Line("  domains:");
        foreach (var domain in credential.Domains)
        {
            var weight = domain.Weight.Percent is { } percent ? $"{Number(percent)}%" : $"{domain.Weight.Items} items";
            var share = Number(Math.Round(domain.Weight.Fraction(credential.DefaultForm.ScoredItems.Value) * 100, 2));
            text.Line($"    domain {domain.Id} \"{domain.Name}\": {weight} = {share}% of the default form (source \"{domain.Weight.Source}\", {Confirmed(domain.Weight.Confirmed)})");
            text.Line($"      requires: {List(domain.Requires)}");
        }

        return text.ToString();
    }

    public static string Diagnostics(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.Count == 0 ? "no diagnostics\n" : string.Concat(diagnostics.Select(d => d + "\n"));

    private static string Fact<T>(Fact<T> fact) =>
        $"{(fact.Value is bool b ? (b ? "true" : "false") : Convert.ToString(fact.Value, CultureInfo.InvariantCulture))} (source \"{fact.Source}\", {Confirmed(fact.Confirmed)})";

    private static string Confirmed(bool confirmed) => confirmed ? "confirmed" : "unconfirmed";

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    private static string List(IEnumerable<string> items) => items.Any() ? string.Join(", ", items) : "-";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Bound(double value) => value is double.MinValue or double.MaxValue ? "any" : Number(value);

    private static string Tolerance(double tolerance, bool relative) => relative ? $"{Number(Math.Round(tolerance * 100, 10))}%" : Number(tolerance);

    /// <summary>Builds the dump with LF line ends and no trailing blanks.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder _text = new();

        public void Line(string line = "") => _text.Append(line.TrimEnd()).Append('\n');

        public void Quote(string label, string markdown)
        {
            if (markdown.Length == 0)
            {
                Line($"{label} -");
                return;
            }

            Line(label);
            var indent = new string(' ', label.Length - label.TrimStart().Length + 2);
            foreach (var line in markdown.Split('\n'))
            {
                Line($"{indent}| {line}");
            }
        }

        public override string ToString() => _text.ToString();
    }
}

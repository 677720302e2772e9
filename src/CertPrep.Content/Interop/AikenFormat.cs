using System.Text.RegularExpressions;
using CertPrep.Content.Model;
using CertPrep.Content.Parsing;

namespace CertPrep.Content.Interop;

/// <summary>
/// Moodle's Aiken format (https://docs.moodle.org/en/Aiken_format): the question text on one or more lines, options
/// <c>A. text</c> or <c>A) text</c>, then <c>ANSWER: B</c> (several letters, <c>ANSWER: A, C</c>, make a multiple answer
/// question). Aiken has no feedback, so rationales and explanations are left to placeholders.
/// </summary>
public static partial class AikenFormat
{
    /// <summary>Reads an Aiken file. Never throws: what cannot be converted is in <see cref="ImportResult.Issues"/>.</summary>
    public static ImportResult Read(string text)
    {
        var questions = new List<ImportedQuestion>();
        var issues = new List<ImportIssue>();
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var stem = new List<string>();
        var options = new List<(char Letter, string Text, int Line)>();
        var start = 0;

        void Reset()
        {
            stem.Clear();
            options.Clear();
            start = 0;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (AnswerRegex().Match(line) is { Success: true } answer)
            {
                if (stem.Count == 0 || options.Count == 0)
                {
                    issues.Add(new(number, "'ANSWER:' line without a question and options before it"));
                }
                else if (Convert(stem, options, answer.Groups[1].Value, start, number, issues) is { } question)
                {
                    questions.Add(question);
                }

                Reset();
            }
            else if (stem.Count > 0 && OptionRegex().Match(line) is { Success: true } option)
            {
                options.Add((option.Groups[1].Value[0], option.Groups[2].Value.Trim(), number));
            }
            else
            {
                if (options.Count > 0)
                {
                    issues.Add(new(start, "question without an 'ANSWER: <letter>' line after its options"));
                    Reset();
                }

                start = start == 0 ? number : start;
                stem.Add(line);
            }
        }

        if (stem.Count > 0)
        {
            issues.Add(new(start, options.Count == 0 ? "text without options or an 'ANSWER:' line" : "question without an 'ANSWER: <letter>' line after its options"));
        }

        return new ImportResult(questions, issues);
    }

    private static ImportedQuestion? Convert(List<string> stem, List<(char Letter, string Text, int Line)> options, string answer, int start, int answerLine, List<ImportIssue> issues)
    {
        var letters = answer.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var known = options.Select(o => o.Letter).ToHashSet();
        var keys = letters.Where(l => l.Length == 1).Select(l => char.ToUpperInvariant(l[0])).ToHashSet();
        if (letters.Length == 0 || keys.Count != letters.Length || !keys.IsSubsetOf(known))
        {
            issues.Add(new(answerLine, $"question whose 'ANSWER: {answer}' does not name its options ({string.Join(", ", options.Select(o => o.Letter))})"));
            return null;
        }

        if (options.Count is < QuestionFileParser.MinOptions or > QuestionFileParser.MaxOptions)
        {
            issues.Add(new(start, $"question with {options.Count} options (the markdown format needs {QuestionFileParser.MinOptions} to {QuestionFileParser.MaxOptions})"));
            return null;
        }

        if (options.GroupBy(o => o.Letter).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            issues.Add(new(twice.Skip(1).First().Line, $"question with the option letter {twice.Key} twice"));
            return null;
        }

        if (options.GroupBy(o => o.Text, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            issues.Add(new(duplicate.Skip(1).First().Line, $"question with the option '{duplicate.Key}' twice"));
            return null;
        }

        return new ImportedQuestion(
            start,
            null,
            null,
            keys.Count == 1 ? QuestionType.Single : QuestionType.Multiple,
            string.Join('\n', stem),
            [.. options.Select(o => new ImportedOption(o.Text, keys.Contains(o.Letter), null))],
            null,
            0,
            null);
    }

    [GeneratedRegex(@"^ANSWER\s*:\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerRegex();

    [GeneratedRegex(@"^([A-Z])[.)][ \t]+(\S.*)$")]
    private static partial Regex OptionRegex();
}

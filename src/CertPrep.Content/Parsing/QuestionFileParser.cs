using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CertPrep.Content.Diagnostics;
using CertPrep.Content.Model;

namespace CertPrep.Content.Parsing;

/// <summary>The questions and case sets of one question file.</summary>
/// <param name="Questions">Questions in file order.</param>
/// <param name="Cases">Case sets in file order.</param>
public sealed record QuestionFile(IReadOnlyList<Question> Questions, IReadOnlyList<CaseSet> Cases);

/// <summary>
/// Reads a question file: optional front matter with defaults, then <c>## Question &lt;id&gt;</c> blocks (or
/// <c>## Case &lt;id&gt;</c> blocks holding <c>### Question &lt;id&gt;</c> blocks), each with a YAML metadata fence,
/// a stem, task-list options with indented <c>&gt; rationale</c> lines, and an Explanation heading. The format is
/// line-oriented so every problem is reported at its exact line and column.
/// </summary>
public static partial class QuestionFileParser
{
    /// <summary>The fewest options a choice question may have.</summary>
    public const int MinOptions = 3;

    /// <summary>The most options a choice question may have.</summary>
    public const int MaxOptions = 6;

    /// <summary>Parses the file. Questions with errors are left out; every problem is in <paramref name="diagnostics"/>.</summary>
    public static QuestionFile Parse(string text, string path, DiagnosticBag diagnostics)
    {
        var split = FrontMatter.Split(text);
        var defaults = Defaults.Empty;
        if (split.Present)
        {
            if (!split.Closed)
            {
                diagnostics.Error(SourceLocation.StartOf(path), "questions.front-matter-unclosed", "The front matter has no closing '---' line.");
                return new QuestionFile([], []);
            }

            if (YamlMap.Parse(split.Yaml, path, split.YamlLine, diagnostics) is { } map)
            {
                defaults = new Defaults(
                    ParseDomains(map, diagnostics),
                    map.String("topic"),
                    map.Enum<BloomLevel>("bloom"),
                    map.Enum<Difficulty>("difficulty"));
                map.ReportUnknownKeys();
            }
        }

        var lines = FrontMatter.SplitLines(split.Body);
        var blocks = FindBlocks(lines, split.BodyLine, path, diagnostics);
        var questions = new List<Question>();
        var cases = new List<CaseSet>();
        var ids = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            if (ids.TryGetValue(block.Id, out var first))
            {
                diagnostics.Error(block.At, "questions.duplicate-id", $"The id '{block.Id}' is already used at line {first.Line}.");
                continue;
            }

            ids[block.Id] = block.At;
            if (!IdRegex().IsMatch(block.Id))
            {
                diagnostics.Error(block.At, "questions.bad-id", $"'{block.Id}' is not a valid id: use lower-case letters, digits and hyphens.");
                continue;
            }

            if (block.IsCase)
            {
                if (ParseCase(block, blocks, path, diagnostics) is { } caseSet)
                {
                    cases.Add(caseSet);
                }
            }
            else if (ParseQuestion(block, defaults, path, diagnostics) is { } question)
            {
                questions.Add(question);
            }
        }

        return new QuestionFile(questions, cases);
    }

    private sealed record Defaults(IReadOnlyList<DomainRef> Domains, string? Topic, BloomLevel? Bloom, Difficulty? Difficulty)
    {
        public static readonly Defaults Empty = new([], null, null, null);
    }

    /// <summary>A <c>Question</c> or <c>Case</c> heading and the lines up to the next one.</summary>
    private sealed record Block(bool IsCase, string Id, int Level, string? CaseId, SourceLocation At, List<(string Text, int Line)> Lines);

    private static List<Block> FindBlocks(List<string> lines, int firstLine, string path, DiagnosticBag diagnostics)
    {
        var blocks = new List<Block>();
        Block? current = null;
        string? openCase = null;
        var inFence = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var number = firstLine + i;
            if (FenceRegex().IsMatch(line))
            {
                inFence = !inFence;
            }

            var heading = inFence ? Match.Empty : BlockHeadingRegex().Match(line);
            if (heading.Success)
            {
                var level = heading.Groups[1].Value.Length;
                var isCase = heading.Groups[2].Value.Equals("Case", StringComparison.OrdinalIgnoreCase);
                var id = heading.Groups[3].Value;
                var at = new SourceLocation(path, number, 1);
                if (isCase && level != 2)
                {
                    diagnostics.Error(at, "questions.case-level", "A case starts with a level-2 heading: '## Case <id>'.");
                    current = null;
                    continue;
                }

                if (level == 2)
                {
                    openCase = isCase ? id : null;
                }
                else if (openCase is null)
                {
                    diagnostics.Error(at, "questions.level", "A '### Question' belongs to a case ('## Case <id>' above it); a question on its own uses '## Question <id>'.");
                    current = null;
                    continue;
                }

                current = new Block(isCase, id, level, isCase ? null : (level == 3 ? openCase : null), at, []);
                blocks.Add(current);
                continue;
            }

            if (!inFence && WrongHeadingRegex().Match(line) is { Success: true } wrong)
            {
                diagnostics.Error(new(path, number, 1), "questions.heading",
                    $"'{line.Trim()}' looks like a question or case heading but is not '## Question <id>', '## Case <id>' or (in a case) '### Question <id>'.");
            }

            current?.Lines.Add((line, number));
        }

        if (inFence)
        {
            diagnostics.Error(new(path, firstLine + lines.Count - 1, 1), "questions.unclosed-fence", "A ``` fence is never closed.");
        }

        return blocks;
    }

    private static CaseSet? ParseCase(Block block, List<Block> blocks, string path, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.Items.Count(d => d.Severity == Severity.Error);
        var index = 0;
        var meta = ReadMetadata(block, ref index, path, diagnostics);
        var title = meta?.RequiredString("title");
        meta?.ReportUnknownKeys();
        var stem = Text(block.Lines.Skip(index));
        if (stem.Length == 0)
        {
            diagnostics.Error(block.At, "questions.case-no-stem", "A case needs its shared text, table or image after the metadata.");
        }

        var questionIds = blocks.Where(b => b.CaseId == block.Id).Select(b => b.Id).ToList();
        if (questionIds.Count < 2)
        {
            diagnostics.Warning(block.At, "questions.case-few", "A case usually has two or more questions ('### Question <id>' under it).");
        }

        var errors = diagnostics.Items.Count(d => d.Severity == Severity.Error) - errorsBefore;
        return errors > 0 || title is null ? null : new CaseSet(block.Id, title, stem, questionIds, block.At);
    }

    private static Question? ParseQuestion(Block block, Defaults defaults, string path, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.Items.Count(d => d.Severity == Severity.Error);
        var index = 0;
        var meta = ReadMetadata(block, ref index, path, diagnostics);
        if (meta is null)
        {
            return null;
        }

        var type = meta.Enum<QuestionType>("type") ?? (meta.Has("type") ? null : QuestionType.Single);
        var domains = meta.Has("domains") ? ParseDomains(meta, diagnostics) : defaults.Domains;
        if (domains.Count == 0)
        {
            diagnostics.Error(meta.Location, "question.no-domains", "Map the question to at least one domain under 'domains' (e.g. [cpim/inventory]), here or in the file's front matter.");
        }

        var topic = meta.String("topic") ?? defaults.Topic;
        if (topic is null)
        {
            diagnostics.Error(meta.Location, "question.no-topic", "Give the question a 'topic', here or in the file's front matter.");
        }

        var bloom = meta.Enum<BloomLevel>("bloom") ?? defaults.Bloom;
        if (bloom is null && !meta.Has("bloom"))
        {
            diagnostics.Error(meta.Location, "question.no-bloom", "Give the question a 'bloom' level (remember, understand, apply, analyze, evaluate, create).");
        }

        var difficulty = meta.Enum<Difficulty>("difficulty") ?? defaults.Difficulty;
        if (difficulty is null && !meta.Has("difficulty"))
        {
            diagnostics.Error(meta.Location, "question.no-difficulty", "Give the question a 'difficulty' (easy, medium, hard).");
        }

        var source = meta.String("source");
        if (source is null)
        {
            diagnostics.Warning(meta.Location, "question.no-source", "Add 'source: <module-id>#<section-anchor>' so learners can read where the answer comes from.");
        }

        // Stem: up to the first option or the explanation.
        var stemLines = new List<(string Text, int Line)>();
        while (index < block.Lines.Count && !OptionRegex().IsMatch(block.Lines[index].Text) && !IsExplanation(block, block.Lines[index].Text))
        {
            stemLines.Add(block.Lines[index++]);
        }

        var stem = Text(stemLines);
        if (stem.Length == 0)
        {
            diagnostics.Error(block.At, "question.no-stem", "The question has no text between its metadata and its options.");
        }

        var options = ReadOptions(block, ref index, path, diagnostics);
        var explanation = "";
        if (index < block.Lines.Count && IsExplanation(block, block.Lines[index].Text))
        {
            explanation = Text(block.Lines.Skip(index + 1));
        }

        if (explanation.Length == 0)
        {
            diagnostics.Error(block.At, "question.no-explanation", $"Add an explanation under '{new string('#', block.Level + 1)} Explanation' after the options.");
        }

        NumericAnswer? answer = null;
        Calculation? calculation = null;
        switch (type)
        {
            case QuestionType.Single or QuestionType.Multiple:
                CheckChoices(type.Value, options, block, diagnostics);
                break;
            case QuestionType.Numeric:
                NoOptions(options, type.Value, diagnostics);
                answer = ReadNumeric(meta, diagnostics);
                break;
            case QuestionType.Calculated:
                NoOptions(options, type.Value, diagnostics);
                calculation = ReadCalculation(meta, stem, diagnostics);
                break;
        }

        meta.ReportUnknownKeys();
        var errors = diagnostics.Items.Count(d => d.Severity == Severity.Error) - errorsBefore;
        if (errors > 0 || type is null || topic is null || bloom is null || difficulty is null || domains.Count == 0)
        {
            return null;
        }

        var hash = Hash(type.Value, stem, options, answer, calculation, explanation, block.CaseId);
        return new Question(block.Id, type.Value, domains, topic, bloom.Value, difficulty.Value, source, block.CaseId, stem, options, answer, calculation, explanation, hash, block.At);
    }

    private static YamlMap? ReadMetadata(Block block, ref int index, string path, DiagnosticBag diagnostics)
    {
        while (index < block.Lines.Count && string.IsNullOrWhiteSpace(block.Lines[index].Text))
        {
            index++;
        }

        if (index >= block.Lines.Count || !YamlFenceRegex().IsMatch(block.Lines[index].Text))
        {
            var at = index < block.Lines.Count ? new SourceLocation(path, block.Lines[index].Line, 1) : block.At;
            diagnostics.Error(at, "questions.no-metadata", "Right after the heading comes a ```yaml fence with the metadata (type, domains, topic, bloom, difficulty, source).");
            return null;
        }

        var start = index + 1;
        var end = start;
        while (end < block.Lines.Count && !FenceRegex().IsMatch(block.Lines[end].Text))
        {
            end++;
        }

        if (end >= block.Lines.Count)
        {
            diagnostics.Error(new(path, block.Lines[index].Line, 1), "questions.unclosed-metadata", "The ```yaml metadata fence is never closed.");
            return null;
        }

        index = end + 1;
        var yaml = string.Join('\n', block.Lines.Skip(start).Take(end - start).Select(l => l.Text));
        var firstLine = start < block.Lines.Count ? block.Lines[start].Line : block.Lines[index - 1].Line;
        return YamlMap.Parse(yaml, path, firstLine, diagnostics);
    }

    private static List<AnswerOption> ReadOptions(Block block, ref int index, string path, DiagnosticBag diagnostics)
    {
        var options = new List<AnswerOption>();
        while (index < block.Lines.Count && !IsExplanation(block, block.Lines[index].Text))
        {
            var (text, line) = block.Lines[index];
            var option = OptionRegex().Match(text);
            if (!option.Success)
            {
                if (!string.IsNullOrWhiteSpace(text))
                {
                    diagnostics.Error(new(path, line, 1), "question.stray-text",
                        "Only options ('- [x] …' or '- [ ] …', each with indented '> rationale' lines) may follow the first option, then the Explanation heading.");
                }

                index++;
                continue;
            }

            var at = new SourceLocation(path, line, option.Groups[3].Index + 1);
            var optionText = option.Groups[3].Value.Trim();
            var pinned = optionText.EndsWith("{pinned}", StringComparison.Ordinal);
            if (pinned)
            {
                optionText = optionText[..^"{pinned}".Length].TrimEnd();
            }

            var rationale = new List<string>();
            index++;
            while (index < block.Lines.Count && (block.Lines[index].Text.StartsWith("  ", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(block.Lines[index].Text))
                   && !OptionRegex().IsMatch(block.Lines[index].Text))
            {
                var continuation = block.Lines[index].Text.Trim();
                if (continuation.Length > 0)
                {
                    if (continuation.StartsWith('>'))
                    {
                        rationale.Add(continuation[1..].TrimStart());
                    }
                    else
                    {
                        diagnostics.Error(new(path, block.Lines[index].Line, 3), "question.option-text",
                            "Lines under an option are its rationale and start with '>'.");
                    }
                }

                index++;
            }

            if (optionText.Length == 0)
            {
                diagnostics.Error(at, "question.empty-option", "The option has no text.");
            }

            var rationaleText = string.Join('\n', rationale).Trim();
            if (rationaleText.Length == 0)
            {
                diagnostics.Error(at, "question.no-rationale", $"Option '{Shorten(optionText)}' needs a rationale: an indented '> …' line saying why it is right or wrong.");
            }

            options.Add(new AnswerOption(optionText, option.Groups[2].Value is "x" or "X", pinned, rationaleText, at));
        }

        return options;
    }

    private static void CheckChoices(QuestionType type, List<AnswerOption> options, Block block, DiagnosticBag diagnostics)
    {
        if (options.Count is < MinOptions or > MaxOptions)
        {
            diagnostics.Error(block.At, "question.option-count", $"A {type.ToString().ToLowerInvariant()} answer question has {MinOptions} to {MaxOptions} options, not {options.Count}.");
        }

        var keys = options.Count(o => o.IsKey);
        if (keys == 0)
        {
            diagnostics.Error(block.At, "question.no-key", "No option is marked as the key ('- [x] …').");
        }
        else if (type == QuestionType.Single && keys > 1)
        {
            diagnostics.Error(options.Where(o => o.IsKey).Skip(1).First().Location, "question.many-keys",
                $"A single answer question has exactly one key, but {keys} options are marked '[x]'. Use 'type: multiple' for select-all-that-apply.");
        }
        else if (type == QuestionType.Multiple && keys == options.Count)
        {
            diagnostics.Warning(block.At, "question.all-keys", "Every option is a key: the question cannot tell knowing from guessing.");
        }

        foreach (var duplicate in options.GroupBy(o => o.Text, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            diagnostics.Error(duplicate.Skip(1).First().Location, "question.duplicate-option", $"The option '{Shorten(duplicate.Key)}' appears twice.");
        }
    }

    private static void NoOptions(List<AnswerOption> options, QuestionType type, DiagnosticBag diagnostics)
    {
        if (options.Count > 0)
        {
            diagnostics.Error(options[0].Location, "question.options-not-allowed", $"A {type.ToString().ToLowerInvariant()} question has no options: give 'answer' (or 'formula') in the metadata.");
        }
    }

    private static NumericAnswer? ReadNumeric(YamlMap meta, DiagnosticBag diagnostics)
    {
        var value = meta.Double("answer");
        if (value is null && !meta.Has("answer"))
        {
            diagnostics.Error(meta.Location, "question.no-answer", "A numeric question needs 'answer: <number>'.");
        }

        var (tolerance, relative) = ReadTolerance(meta, diagnostics);
        var unit = meta.String("unit");
        return value is null || tolerance is null ? null : new NumericAnswer(value.Value, tolerance.Value, relative, unit);
    }

    private static (double? Value, bool Relative) ReadTolerance(YamlMap meta, DiagnosticBag diagnostics)
    {
        var text = meta.String("tolerance");
        if (text is null)
        {
            return (0, false);
        }

        var relative = text.EndsWith('%');
        var number = relative ? text[..^1].Trim() : text;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || !double.IsFinite(value))
        {
            diagnostics.Error(meta.LocationOf("tolerance"), "question.tolerance", $"'tolerance' must be a non-negative number or percentage (e.g. 0.5 or 1%), not '{text}'.");
            return (null, relative);
        }

        return (relative ? value / 100.0 : value, relative);
    }

    private static Calculation? ReadCalculation(YamlMap meta, string stem, DiagnosticBag diagnostics)
    {
        var variables = new List<CalculationVariable>();
        var map = meta.Map("variables");
        if (map is null)
        {
            diagnostics.Error(meta.LocationOf("variables"), "calculated.no-variables", "A calculated question needs 'variables:' with a min, max and step for each.");
        }
        else
        {
            foreach (var (name, range, at) in map.Entries())
            {
                var min = range.Double("min");
                var max = range.Double("max");
                var step = range.Double("step");
                range.ReportUnknownKeys();
                if (!VariableRegex().IsMatch(name))
                {
                    diagnostics.Error(at, "calculated.bad-variable", $"'{name}' is not a valid variable name (letters, digits and _; starting with a letter).");
                }
                else if (min is null || max is null || step is null)
                {
                    diagnostics.Error(at, "calculated.range", $"Variable '{name}' needs min, max and step.");
                }
                else if (min > max || step <= 0)
                {
                    diagnostics.Error(at, "calculated.range", $"Variable '{name}' needs min ≤ max and a positive step.");
                }
                else if (new CalculationVariable(name, min.Value, max.Value, step.Value).ExactCount > CalculationVariable.MaxValues)
                {
                    diagnostics.Error(at, "calculated.range", $"Variable '{name}' takes more than {CalculationVariable.MaxValues:N0} values: use a larger step.");
                }
                else
                {
                    variables.Add(new CalculationVariable(name, min.Value, max.Value, step.Value));
                }
            }
        }

        var formula = meta.String("formula");
        if (formula is null && !meta.Has("formula"))
        {
            diagnostics.Error(meta.Location, "calculated.no-formula", "A calculated question needs 'formula: <expression>' giving the answer.");
        }

        var (tolerance, relative) = ReadTolerance(meta, diagnostics);
        var unit = meta.String("unit");
        var decimals = meta.Int("decimals", 0, 10) ?? 2;
        var answerMin = meta.Double("answerMin");
        var answerMax = meta.Double("answerMax");
        foreach (Match placeholder in PlaceholderRegex().Matches(stem))
        {
            if (variables.TrueForAll(v => v.Name != placeholder.Groups[1].Value) && map is not null)
            {
                diagnostics.Error(meta.LocationOf("variables"), "calculated.unknown-placeholder", $"The stem uses {{{placeholder.Groups[1].Value}}} but no such variable is defined.");
            }
        }

        return formula is null || tolerance is null
            ? null
            : new Calculation(variables, formula, tolerance.Value, relative, unit, decimals,
                answerMin is not null || answerMax is not null ? (answerMin ?? double.MinValue, answerMax ?? double.MaxValue) : null);
    }

    private static List<DomainRef> ParseDomains(YamlMap map, DiagnosticBag diagnostics)
    {
        var result = new List<DomainRef>();
        foreach (var text in map.StringList("domains"))
        {
            if (DomainRef.Parse(text) is { } domain)
            {
                result.Add(domain);
            }
            else
            {
                diagnostics.Error(map.LocationOf("domains"), "question.bad-domain", $"'{text}' is not '<credential>/<domain>' (e.g. cpim/inventory).");
            }
        }

        return result;
    }

    private static bool IsExplanation(Block block, string line) =>
        ExplanationRegex().Match(line) is { Success: true } m && m.Groups[1].Value.Length == block.Level + 1;

    private static string Text(IEnumerable<(string Text, int Line)> lines) => string.Join('\n', lines.Select(l => l.Text)).Trim();

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "…";

    private static string Hash(QuestionType type, string stem, IReadOnlyList<AnswerOption> options, NumericAnswer? answer, Calculation? calculation, string explanation, string? caseId)
    {
        var canonical = new StringBuilder();
        canonical.Append(type).Append('\u001f').Append(caseId).Append('\u001f').Append(Normalize(stem)).Append('\u001f');
        foreach (var option in options)
        {
            canonical.Append(option.IsKey ? '1' : '0').Append(option.Pinned ? 'p' : '-').Append(Normalize(option.Text)).Append('\u001e').Append(Normalize(option.Rationale)).Append('\u001f');
        }

        if (answer is not null)
        {
            canonical.Append(CultureInfo.InvariantCulture, $"{answer.Value:R}|{answer.Tolerance:R}|{answer.Relative}|{answer.Unit}\u001f");
        }

        if (calculation is not null)
        {
            foreach (var variable in calculation.Variables)
            {
                canonical.Append(CultureInfo.InvariantCulture, $"{variable.Name}={variable.Min:R}..{variable.Max:R}/{variable.Step:R};");
            }

            canonical.Append(CultureInfo.InvariantCulture, $"|{calculation.Formula}|{calculation.Tolerance:R}|{calculation.Relative}|{calculation.Unit}|{calculation.Decimals}\u001f");
        }

        canonical.Append(Normalize(explanation));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))[..16];
    }

    /// <summary>Whitespace-insensitive: re-wrapping a paragraph is not a new version.</summary>
    private static string Normalize(string text) => WhitespaceRegex().Replace(text.Trim(), " ");

    [GeneratedRegex(@"^(#{2,3})[ \t]+(Question|Case)[ \t]+(\S+)[ \t]*$", RegexOptions.IgnoreCase)]
    private static partial Regex BlockHeadingRegex();

    [GeneratedRegex(@"^#{1,6}[ \t]*(Question|Case)\b(?![ \t]+\S+[ \t]*$)", RegexOptions.IgnoreCase)]
    private static partial Regex WrongHeadingRegex();

    [GeneratedRegex(@"^(#{3,4})[ \t]+Explanation[ \t]*$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplanationRegex();

    [GeneratedRegex(@"^[ \t]{0,1}([-*])[ \t]+\[([ xX])\][ \t]+(.*)$")]
    private static partial Regex OptionRegex();

    [GeneratedRegex(@"^[ \t]*(```|~~~)")]
    private static partial Regex FenceRegex();

    [GeneratedRegex(@"^[ \t]*```[ \t]*ya?ml[ \t]*$", RegexOptions.IgnoreCase)]
    private static partial Regex YamlFenceRegex();

    /// <summary>Whether <paramref name="id"/> is a valid content id: lower-case letters, digits and hyphens, at most 100 characters.</summary>
    public static bool IsValidId(string id) => IdRegex().IsMatch(id);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex VariableRegex();

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex PlaceholderRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}

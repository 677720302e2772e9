using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CertPrep.Content.Diagnostics;
using CertPrep.Content.Model;
using CertPrep.Content.Parsing;

namespace CertPrep.Content.Interop;

/// <summary>The result of writing questions as GIFT.</summary>
/// <param name="Text">The GIFT file.</param>
/// <param name="Exported">How many questions it holds.</param>
/// <param name="Issues">Questions left out, and what was lost from the questions kept.</param>
public sealed record GiftExport(string Text, int Exported, IReadOnlyList<ExportIssue> Issues);

/// <summary>Something that could not be exported as it is.</summary>
/// <param name="Location">The question (or case set) concerned.</param>
/// <param name="What">What and why.</param>
/// <param name="Skipped">True when the question was left out; false when it was exported with something lost.</param>
public sealed record ExportIssue(SourceLocation Location, string What, bool Skipped)
{
    /// <summary>The <c>path:line: warning: what — skipped</c> (or <c>path:line: note: what</c>) form.</summary>
    public override string ToString() => Skipped
        ? string.Create(CultureInfo.InvariantCulture, $"{Location.Path}:{Location.Line}: warning: {What} — skipped")
        : string.Create(CultureInfo.InvariantCulture, $"{Location.Path}:{Location.Line}: note: {What}");
}

/// <summary>
/// Moodle's GIFT question format (https://docs.moodle.org/en/GIFT_format), read and written.
/// <para>
/// Read: <c>::title::</c> names, <c>//</c> comment lines, <c>$CATEGORY:</c> (its last segment becomes the topic),
/// format markers (<c>[markdown]</c>, …), multiple choice <c>{=right ~wrong}</c> with per-answer <c>#feedback</c>,
/// multiple answers by weight (<c>~%50%a ~%50%b ~%-100%c</c>: positive weights are keys), missing-word questions
/// (the blank becomes <c>_____</c>), numeric <c>{#42:0.5}</c>, <c>{#40..44}</c> and <c>{#=42:0 =%50%42:2}</c>,
/// general feedback <c>####</c>, and the escapes <c>\~ \= \# \{ \} \: \\ \n</c>. Essay, matching, short-answer and
/// true/false questions (the markdown format needs 3 to 6 options) are reported as issues and left out.
/// </para>
/// <para>
/// Written: single and multiple answer and numeric questions, with <c>::id::</c> titles, the <c>[markdown]</c>
/// marker, per-option feedback from the rationales, multiple-answer weights summing to 100% and -100%, absolute
/// numeric tolerances and <c>####</c> general feedback from the explanation. Calculated questions and case sets
/// cannot be expressed and are reported as skipped.
/// </para>
/// </summary>
public static partial class GiftFormat
{
    /// <summary>Characters that a backslash escapes in GIFT; <c>\n</c> is a line break.</summary>
    private const string Escapable = "\\~=#{}:n";

    /// <summary>Escaped characters are replaced by private-use characters while a question is split up.</summary>
    private const char PlaceholderBase = '\uE000';

    // ---- Reading -----------------------------------------------------------------------------------------------

    /// <summary>Reads a GIFT file. Never throws: what cannot be converted is in <see cref="ImportResult.Issues"/>.</summary>
    public static ImportResult Read(string text)
    {
        var questions = new List<ImportedQuestion>();
        var issues = new List<ImportIssue>();
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var block = new List<(string Text, int Line)>();
        string? category = null;

        void Flush()
        {
            if (block.Count > 0)
            {
                ReadQuestion(block, category, questions, issues);
                block = [];
            }
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (trimmed.Length == 0)
            {
                Flush();
            }
            else if (trimmed.StartsWith("$CATEGORY:", StringComparison.OrdinalIgnoreCase))
            {
                Flush();
                category = CategoryName(trimmed["$CATEGORY:".Length..]);
            }
            else
            {
                block.Add((lines[i].TrimEnd(), i + 1));
            }
        }

        Flush();
        return new ImportResult(questions, issues);
    }

    private static void ReadQuestion(List<(string Text, int Line)> block, string? category, List<ImportedQuestion> questions, List<ImportIssue> issues)
    {
        var start = block[0].Line;
        var text = Protect(string.Join('\n', block.Select(b => b.Text)));
        int LineAt(int offset) => block[text.AsSpan(0, offset).Count('\n')].Line;

        var position = 0;
        string? title = null;
        var titleMatch = TitleRegex().Match(text);
        if (titleMatch.Success)
        {
            title = Restore(titleMatch.Groups[1].Value).Trim();
            position = titleMatch.Length;
        }
        else if (text.TrimStart().StartsWith("::", StringComparison.Ordinal))
        {
            issues.Add(new(start, "question whose '::title::' is not closed"));
            return;
        }

        var named = title is null ? "" : $" '{title}'";
        var marker = FormatMarkerRegex().Match(text, position);
        if (marker.Success)
        {
            position = marker.Index + marker.Length;
        }

        var open = text.IndexOf('{', position);
        if (open < 0)
        {
            issues.Add(new(start, $"text{named} without an answer block {{…}} (a Moodle description, not a question)"));
            return;
        }

        var close = text.IndexOf('}', open + 1);
        if (close < 0)
        {
            issues.Add(new(LineAt(open), $"question{named} whose answer block '{{' is never closed"));
            return;
        }

        if (text.IndexOf('{', close + 1) >= 0)
        {
            issues.Add(new(start, $"question{named} with more than one answer block"));
            return;
        }

        var stem = text[position..open].Trim();
        var after = text[(close + 1)..].Trim();
        if (after.Length > 0)
        {
            stem = $"{stem} _____ {after}".Trim(); // missing word: the answer block marks the blank
        }

        stem = Restore(stem).Trim();
        if (stem.Length == 0)
        {
            issues.Add(new(start, $"question{named} without question text"));
            return;
        }

        var inner = text[(open + 1)..close];
        string? explanation = null;
        var general = inner.IndexOf("####", StringComparison.Ordinal);
        if (general >= 0)
        {
            explanation = NullIfEmpty(Restore(inner[(general + 4)..]).Trim());
            inner = inner[..general];
        }

        var body = inner.Trim();
        var bodyOffset = open + 1 + inner.IndexOf(body, StringComparison.Ordinal);
        ImportedQuestion? question;
        if (body.Length == 0)
        {
            issues.Add(new(start, $"essay question{named} (the markdown format has no free-text answers)"));
            return;
        }
        else if (TrueFalseRegex().IsMatch(body))
        {
            issues.Add(new(start, $"true/false question{named} (the markdown format needs 3 to 6 options: rewrite it as a multiple-choice question)"));
            return;
        }
        else if (body.StartsWith('#'))
        {
            question = ReadNumeric(body[1..], bodyOffset + 1, start, named, LineAt, issues);
        }
        else
        {
            question = ReadChoices(inner, open + 1, start, named, LineAt, issues);
        }

        if (question is not null)
        {
            var feedback = question.Explanation;
            questions.Add(question with
            {
                Title = title,
                Category = category,
                Stem = stem,
                Explanation = (feedback, explanation) switch
                {
                    (null, _) => explanation,
                    (_, null) => feedback,
                    _ => $"{feedback}\n\n{explanation}",
                },
            });
        }
    }

    private sealed record Answer(char Marker, double? Weight, string Text, string? Feedback, int Offset);

    private static ImportedQuestion? ReadChoices(string inner, int innerOffset, int start, string named, Func<int, int> lineAt, List<ImportIssue> issues)
    {
        var markers = new List<int>();
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] is '=' or '~')
            {
                markers.Add(i);
            }
        }

        if (markers.Count == 0 || inner[..markers[0]].Trim().Length > 0)
        {
            issues.Add(new(start, $"question{named} whose answer block this tool does not understand"));
            return null;
        }

        var answers = new List<Answer>();
        for (var m = 0; m < markers.Count; m++)
        {
            var end = m + 1 < markers.Count ? markers[m + 1] : inner.Length;
            var content = inner[(markers[m] + 1)..end];
            double? weight = null;
            var weightMatch = WeightRegex().Match(content);
            if (weightMatch.Success)
            {
                weight = double.Parse(weightMatch.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
                content = content[weightMatch.Length..];
            }

            var hash = content.IndexOf('#', StringComparison.Ordinal);
            var answerText = hash >= 0 ? content[..hash] : content;
            var feedback = hash >= 0 ? NullIfEmpty(Restore(content[(hash + 1)..]).Trim()) : null;
            answers.Add(new Answer(inner[markers[m]], weight, answerText, feedback, innerOffset + markers[m]));
        }

        if (answers.Exists(a => a.Text.Contains("->", StringComparison.Ordinal)))
        {
            issues.Add(new(start, $"matching question{named} (the markdown format has no matching questions)"));
            return null;
        }

        if (!answers.Exists(a => a.Marker == '~'))
        {
            issues.Add(new(start, $"short-answer question{named} (the markdown format has no free-text answers)"));
            return null;
        }

        bool Full(Answer a) => a.Weight is { } w ? w >= 100 : a.Marker == '=';
        bool Partial(Answer a) => a.Weight is > 0 and < 100;
        var full = answers.Count(Full);
        var partial = answers.Count(Partial);
        QuestionType type;
        Func<Answer, bool> isKey;
        if (full == 0 && partial == 0)
        {
            issues.Add(new(start, $"question{named} without a right answer ('=answer' or a positive '~%50%answer' weight)"));
            return null;
        }
        else if (full > 1)
        {
            issues.Add(new(start, $"question{named} with {full} answers that each give full credit (a multiple-answer question splits the credit: ~%50%a ~%50%b)"));
            return null;
        }
        else if (full == 1)
        {
            type = QuestionType.Single;
            isKey = Full;
            foreach (var answer in answers.Where(Partial))
            {
                issues.Add(new(lineAt(answer.Offset), string.Create(CultureInfo.InvariantCulture,
                    $"partial credit of {answer.Weight}% for '{OneLine(Restore(answer.Text))}' in question{named} (the option is imported as wrong)")));
            }
        }
        else
        {
            type = QuestionType.Multiple;
            isKey = Partial;
        }

        var options = answers.Select(a => new ImportedOption(OneLine(Restore(a.Text)), isKey(a), a.Feedback)).ToList();
        if (options.Count is < QuestionFileParser.MinOptions or > QuestionFileParser.MaxOptions)
        {
            issues.Add(new(start, $"multiple-choice question{named} with {options.Count} options (the markdown format needs {QuestionFileParser.MinOptions} to {QuestionFileParser.MaxOptions})"));
            return null;
        }

        if (options.Find(o => o.Text.Length == 0) is not null)
        {
            issues.Add(new(start, $"question{named} with an empty option"));
            return null;
        }

        if (options.GroupBy(o => o.Text, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            issues.Add(new(start, $"question{named} with the option '{duplicate.Key}' twice"));
            return null;
        }

        return new ImportedQuestion(start, null, null, type, "", options, null, 0, null);
    }

    private static ImportedQuestion? ReadNumeric(string body, int bodyOffset, int start, string named, Func<int, int> lineAt, List<ImportIssue> issues)
    {
        var parts = new List<(string Text, int Offset)>();
        if (body.TrimStart().StartsWith('='))
        {
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] == '=')
                {
                    var end = body.IndexOf('=', i + 1);
                    end = end < 0 ? body.Length : end;
                    parts.Add((body[(i + 1)..end], bodyOffset + i));
                    i = end - 1;
                }
            }
        }
        else
        {
            parts.Add((body, bodyOffset));
        }

        (double Value, double Tolerance, string? Feedback, int Offset)? chosen = null;
        foreach (var (part, offset) in parts)
        {
            var content = part;
            double? weight = null;
            var weightMatch = WeightRegex().Match(content);
            if (weightMatch.Success)
            {
                weight = double.Parse(weightMatch.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
                content = content[weightMatch.Length..];
            }

            var hash = content.IndexOf('#', StringComparison.Ordinal);
            var spec = Restore(hash >= 0 ? content[..hash] : content).Trim();
            var feedback = hash >= 0 ? NullIfEmpty(Restore(content[(hash + 1)..]).Trim()) : null;
            if (ParseNumber(spec) is not { } number)
            {
                issues.Add(new(lineAt(offset), $"numeric question{named} whose answer '{spec}' is not 'value', 'value:tolerance' or 'min..max'"));
                return null;
            }

            if (weight is null or >= 100 && chosen is null)
            {
                chosen = (number.Value, number.Tolerance, feedback, offset);
            }
            else
            {
                issues.Add(new(lineAt(offset), $"{(weight is null or >= 100 ? "second full-credit" : "partial-credit")} answer '{spec}' of numeric question{named} (the markdown format has one answer and tolerance)"));
            }
        }

        if (chosen is not { } answer)
        {
            issues.Add(new(start, $"numeric question{named} without an answer that gives full credit"));
            return null;
        }

        return new ImportedQuestion(start, null, null, QuestionType.Numeric, "", [], answer.Value, answer.Tolerance, answer.Feedback);
    }

    private static (double Value, double Tolerance)? ParseNumber(string spec)
    {
        static double? Number(string text) =>
            double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

        var range = spec.IndexOf("..", StringComparison.Ordinal);
        if (range > 0)
        {
            return Number(spec[..range]) is { } min && Number(spec[(range + 2)..]) is { } max && min <= max ? ((min + max) / 2, (max - min) / 2) : null;
        }

        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            return Number(spec[..colon]) is { } value && Number(spec[(colon + 1)..]) is { } tolerance && tolerance >= 0 ? (value, tolerance) : null;
        }

        return Number(spec) is { } exact ? (exact, 0) : null;
    }

    private static string? CategoryName(string path)
    {
        var segments = path.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(s => !s.StartsWith('$') && !s.Equals("top", StringComparison.OrdinalIgnoreCase) && !s.StartsWith("[id:", StringComparison.Ordinal))
            .ToList();
        return segments.Count == 0 ? null : Unescape(segments[^1]).Trim();
    }

    /// <summary>Replaces GIFT escapes (<c>\=</c>, <c>\n</c>, …) with the characters they stand for.</summary>
    public static string Unescape(string text) => Restore(Protect(text));

    private static string Protect(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var escaped = text[i] == '\\' && i + 1 < text.Length ? Escapable.IndexOf(text[i + 1], StringComparison.Ordinal) : -1;
            if (escaped >= 0)
            {
                result.Append((char)(PlaceholderBase + escaped));
                i++;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }

    private static string Restore(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var index = c - PlaceholderBase;
            result.Append(index >= 0 && index < Escapable.Length ? (Escapable[index] == 'n' ? '\n' : Escapable[index]) : c);
        }

        return result.ToString();
    }

    private static string OneLine(string text) => LineBreakRegex().Replace(text.Trim(), " ");

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    // ---- Writing -----------------------------------------------------------------------------------------------

    /// <summary>
    /// Writes <paramref name="questions"/> as GIFT. Calculated questions and the questions of case sets are left out
    /// and reported; <paramref name="cases"/> locates the case sets in those reports.
    /// </summary>
    public static GiftExport Write(IReadOnlyList<Question> questions, IReadOnlyList<CaseSet> cases)
    {
        var gift = new StringBuilder();
        var issues = new List<ExportIssue>();
        var reportedCases = new HashSet<string>(StringComparer.Ordinal);
        var exported = 0;
        gift.Append("// CertPrep questions in Moodle GIFT format. Domains, topic, Bloom level, difficulty and source are in the comments only.\n");
        foreach (var question in questions)
        {
            if (question.CaseId is { } caseId)
            {
                if (reportedCases.Add(caseId))
                {
                    var caseSet = cases.FirstOrDefault(c => c.Id == caseId);
                    var ids = caseSet?.QuestionIds ?? questions.Where(q => q.CaseId == caseId).Select(q => q.Id).ToList();
                    issues.Add(new(caseSet?.Location ?? question.Location,
                        $"case set {caseId} with questions {string.Join(", ", ids)} (GIFT has no shared case text)", Skipped: true));
                }

                continue;
            }

            if (question.Type == QuestionType.Calculated)
            {
                issues.Add(new(question.Location, $"calculated question {question.Id} (GIFT has no variables drawn anew for every attempt)", Skipped: true));
                continue;
            }

            WriteQuestion(gift, question, issues);
            exported++;
        }

        return new GiftExport(gift.ToString(), exported, issues);
    }

    private static void WriteQuestion(StringBuilder gift, Question question, List<ExportIssue> issues)
    {
        gift.Append('\n');
        gift.Append(CultureInfo.InvariantCulture, $"// {question.Id} · {string.Join(", ", question.Domains)} · {OneLine(question.Topic)} · {question.Bloom.ToString().ToLowerInvariant()} · {question.Difficulty.ToString().ToLowerInvariant()}");
        gift.Append(question.Source is null ? "\n" : $" · {OneLine(question.Source)}\n");
        gift.Append("::").Append(Escape(question.Id)).Append("::[markdown]").Append(Escape(question.Stem)).Append(" {");
        switch (question.Type)
        {
            case QuestionType.Numeric when question.Answer is { } answer:
                var tolerance = answer.Relative ? Math.Abs(answer.Value) * answer.Tolerance : answer.Tolerance;
                gift.Append(CultureInfo.InvariantCulture, $"#{answer.Value:R}:{tolerance:R}\n");
                if (answer.Unit is not null)
                {
                    issues.Add(new(question.Location, $"the unit '{answer.Unit}' of {question.Id} is not exported (GIFT numeric answers have no unit)", Skipped: false));
                }

                break;
            default:
                gift.Append('\n');
                var keys = question.Options.Count(o => o.IsKey);
                var wrong = question.Options.Count - keys;
                foreach (var option in question.Options)
                {
                    gift.Append(question.Type == QuestionType.Single
                        ? option.IsKey ? "=" : "~"
                        : option.IsKey ? $"~%{Percent(100.0 / keys)}%" : $"~%-{Percent(100.0 / wrong)}%");
                    gift.Append(Escape(option.Text));
                    if (option.Rationale.Length > 0)
                    {
                        gift.Append('#').Append(Escape(option.Rationale));
                    }

                    gift.Append('\n');
                    if (option.Pinned)
                    {
                        issues.Add(new(option.Location, $"option '{option.Text}' of {question.Id} is pinned, which GIFT cannot express (Moodle may shuffle it)", Skipped: false));
                    }
                }

                break;
        }

        if (question.Explanation.Length > 0)
        {
            gift.Append("####").Append(Escape(question.Explanation)).Append('\n');
        }

        gift.Append("}\n");
    }

    private static string Percent(double value) => value.ToString("0.#####", CultureInfo.InvariantCulture);

    /// <summary>
    /// Escapes text for GIFT: <c>~ = # { } :</c> get a backslash, line breaks become <c>\n</c>, and a backslash is
    /// doubled where it would otherwise start an escape (so LaTeX such as <c>\sqrt</c> stays readable).
    /// </summary>
    public static string Escape(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\':
                    var next = i + 1 < text.Length ? text[i + 1] : '\0';
                    result.Append(next == '\0' || next == '\n' || Escapable.Contains(next, StringComparison.Ordinal) ? "\\\\" : "\\");
                    break;
                case '\n':
                    result.Append("\\n");
                    break;
                case '~' or '=' or '#' or '{' or '}' or ':':
                    result.Append('\\').Append(c);
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }

    [GeneratedRegex(@"^\s*::(.*?)::", RegexOptions.Singleline)]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"\G\s*\[(html|moodle|plain|markdown)\]", RegexOptions.IgnoreCase)]
    private static partial Regex FormatMarkerRegex();

    [GeneratedRegex(@"^(T|TRUE|F|FALSE)\s*(#.*)?$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TrueFalseRegex();

    [GeneratedRegex(@"^\s*%(-?\d+(?:\.\d+)?)%")]
    private static partial Regex WeightRegex();

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex LineBreakRegex();
}

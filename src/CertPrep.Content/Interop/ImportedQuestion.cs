using CertPrep.Content.Model;

namespace CertPrep.Content.Interop;

/// <summary>
/// A question read from another format (GIFT, Aiken) before it is written as markdown: only what those formats can
/// say. What they cannot (domains, Bloom level, difficulty, source) is filled in by <see cref="QuestionMarkdownWriter"/>.
/// </summary>
/// <param name="Line">1-based line where the question starts in the imported file.</param>
/// <param name="Title">The question's name in the imported file (GIFT <c>::title::</c>), if any.</param>
/// <param name="Category">The category it was filed under (GIFT <c>$CATEGORY</c>, last segment), if any.</param>
/// <param name="Type">Single, multiple or numeric; other formats have no calculated questions this tool can read.</param>
/// <param name="Stem">The question text.</param>
/// <param name="Options">Choices of a single or multiple answer question; empty for numeric.</param>
/// <param name="Answer">The key of a numeric question.</param>
/// <param name="Tolerance">Allowed absolute difference for a numeric question.</param>
/// <param name="Explanation">General feedback, when the format had it.</param>
public sealed record ImportedQuestion(
    int Line,
    string? Title,
    string? Category,
    QuestionType Type,
    string Stem,
    IReadOnlyList<ImportedOption> Options,
    double? Answer,
    double Tolerance,
    string? Explanation);

/// <summary>A choice of an imported question.</summary>
/// <param name="Text">Option text, on one line.</param>
/// <param name="IsKey">Whether it is (one of) the right answer(s).</param>
/// <param name="Feedback">Per-answer feedback, which becomes the option's rationale; null when there was none.</param>
public sealed record ImportedOption(string Text, bool IsKey, string? Feedback);

/// <summary>Something in an imported file that could not be converted and was left out.</summary>
/// <param name="Line">1-based line in the imported file.</param>
/// <param name="What">What was left out and why, e.g. <c>true/false question 'Q3' (…)</c>.</param>
public sealed record ImportIssue(int Line, string What)
{
    /// <summary>The <c>file:line: warning: what — skipped</c> form editors can jump to.</summary>
    public string Format(string file) => $"{file}:{Line}: warning: {What} — skipped";
}

/// <summary>Everything read from one imported file.</summary>
/// <param name="Questions">The questions that could be converted, in file order.</param>
/// <param name="Issues">What was left out, in file order.</param>
public sealed record ImportResult(IReadOnlyList<ImportedQuestion> Questions, IReadOnlyList<ImportIssue> Issues);

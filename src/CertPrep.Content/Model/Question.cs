using CertPrep.Content.Diagnostics;

namespace CertPrep.Content.Model;

/// <summary>How a question is answered.</summary>
public enum QuestionType
{
    /// <summary>Exactly one option is the key.</summary>
    Single,

    /// <summary>"Select all that apply": one or more keys.</summary>
    Multiple,

    /// <summary>A number, within a tolerance.</summary>
    Numeric,

    /// <summary>A number computed from variables drawn anew for every attempt.</summary>
    Calculated,
}

/// <summary>Author's estimate of difficulty, the prior for item calibration.</summary>
public enum Difficulty
{
    /// <summary>Most prepared candidates answer correctly.</summary>
    Easy,

    /// <summary>About half of prepared candidates answer correctly.</summary>
    Medium,

    /// <summary>Few candidates answer correctly.</summary>
    Hard,
}

/// <summary>Revised Bloom's taxonomy level.</summary>
public enum BloomLevel
{
    /// <summary>Recall facts.</summary>
    Remember,

    /// <summary>Explain ideas.</summary>
    Understand,

    /// <summary>Use a method in a new situation.</summary>
    Apply,

    /// <summary>Draw connections, compare.</summary>
    Analyze,

    /// <summary>Justify a decision.</summary>
    Evaluate,

    /// <summary>Produce something new.</summary>
    Create,
}

/// <summary>One question, read from a question file.</summary>
/// <param name="Id">Stable id, unique across all content; versions are told apart by <see cref="ContentHash"/>.</param>
/// <param name="Type">How it is answered.</param>
/// <param name="Domains">The blueprint domains it serves (possibly of several credentials).</param>
/// <param name="Topic">Topic within the domain.</param>
/// <param name="Bloom">Bloom level.</param>
/// <param name="Difficulty">Author's difficulty.</param>
/// <param name="Source">The module section it comes from, <c>module-id#anchor</c>.</param>
/// <param name="CaseId">The case set whose stem it follows, if any.</param>
/// <param name="Stem">The question text (markdown; calculated questions use <c>{name}</c> placeholders).</param>
/// <param name="Options">Choices for single and multiple answer questions; empty otherwise.</param>
/// <param name="Answer">The answer of a numeric question.</param>
/// <param name="Calculation">The variables and formula of a calculated question.</param>
/// <param name="Explanation">Overall explanation shown after answering (markdown).</param>
/// <param name="ContentHash">Hash of everything a learner sees or is scored on; a change makes a new version.</param>
/// <param name="Location">Where the question starts.</param>
public sealed record Question(
    string Id,
    QuestionType Type,
    IReadOnlyList<DomainRef> Domains,
    string Topic,
    BloomLevel Bloom,
    Difficulty Difficulty,
    string? Source,
    string? CaseId,
    string Stem,
    IReadOnlyList<AnswerOption> Options,
    NumericAnswer? Answer,
    Calculation? Calculation,
    string Explanation,
    string ContentHash,
    SourceLocation Location);

/// <summary>A choice with its own rationale.</summary>
/// <param name="Text">Option text (markdown, one line).</param>
/// <param name="IsKey">Whether choosing it is correct.</param>
/// <param name="Pinned">Kept in its written position when options are shuffled ("All of the above").</param>
/// <param name="Rationale">Why it is right or wrong (markdown).</param>
/// <param name="Location">Where the option is written.</param>
public sealed record AnswerOption(string Text, bool IsKey, bool Pinned, string Rationale, SourceLocation Location);

/// <summary>A numeric answer and how close an answer must be.</summary>
/// <param name="Value">The key.</param>
/// <param name="Tolerance">Allowed absolute difference, or relative fraction when <paramref name="Relative"/>.</param>
/// <param name="Relative">Whether <paramref name="Tolerance"/> is a fraction of the key (written as a percentage).</param>
/// <param name="Unit">Unit shown next to the input, e.g. "units".</param>
public sealed record NumericAnswer(double Value, double Tolerance, bool Relative, string? Unit)
{
    /// <summary>Whether <paramref name="given"/> is within tolerance of <paramref name="key"/>.</summary>
    public static bool Accepts(double key, double given, double tolerance, bool relative) =>
        Math.Abs(given - key) <= (relative ? Math.Abs(key) * tolerance : tolerance) + 1e-9;
}

/// <summary>The generator of a calculated question.</summary>
/// <param name="Variables">Named variables with their ranges.</param>
/// <param name="Formula">The answer's formula in the safe expression language.</param>
/// <param name="Tolerance">Allowed difference (absolute, or relative when <paramref name="Relative"/>).</param>
/// <param name="Relative">Whether the tolerance is a fraction of the key.</param>
/// <param name="Unit">Unit of the answer.</param>
/// <param name="Decimals">Decimals the answer is shown with.</param>
/// <param name="AnswerRange">Optional plausible range for the answer; draws outside it are validation errors.</param>
public sealed record Calculation(
    IReadOnlyList<CalculationVariable> Variables,
    string Formula,
    double Tolerance,
    bool Relative,
    string? Unit,
    int Decimals,
    (double Min, double Max)? AnswerRange);

/// <summary>A variable drawn from <c>Min, Min+Step, …, Max</c>.</summary>
/// <param name="Name">Identifier used in the stem as <c>{Name}</c> and in the formula.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Step">Spacing of values (positive).</param>
public sealed record CalculationVariable(string Name, double Min, double Max, double Step)
{
    /// <summary>How many distinct values the variable takes.</summary>
    public int Count => (int)Math.Min(MaxValues, Math.Floor(((Max - Min) / Step) + 1e-9) + 1);

    /// <summary>The most values a variable may take; the validator rejects wider ranges.</summary>
    public const int MaxValues = 1_000_000;

    /// <summary>How many values the range really holds (may exceed <see cref="MaxValues"/>).</summary>
    public double ExactCount => Math.Floor(((Max - Min) / Step) + 1e-9) + 1;

    /// <summary>The i-th value (0-based), rounded to the step's decimals so no float noise shows.</summary>
    public double ValueAt(int index)
    {
        var decimals = Math.Max(Decimals(Min), Decimals(Step));
        return Math.Round(Min + (index * Step), decimals, MidpointRounding.AwayFromZero);
    }

    private static int Decimals(double value)
    {
        var decimals = 0;
        while (decimals < 10 && Math.Abs(value - Math.Round(value, decimals)) > 1e-12)
        {
            decimals++;
        }

        return decimals;
    }
}

/// <summary>A shared stem or exhibit followed by several questions.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Title">Short title.</param>
/// <param name="Stem">The shared text, table or image (markdown).</param>
/// <param name="QuestionIds">Its questions, in order.</param>
/// <param name="Location">Where the case starts.</param>
public sealed record CaseSet(string Id, string Title, string Stem, IReadOnlyList<string> QuestionIds, SourceLocation Location);

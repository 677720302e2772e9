using System.Collections.Concurrent;
using System.Globalization;
using CertPrep.Content.Model;
using CertPrep.Domain.Exams;
using CertPrep.Domain.Practice;
using CertPrep.Web.Data;
using CertPrep.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Attempts;

/// <summary>
/// Question versions ready to show and grade, cached in memory by version id. A version never changes once
/// written (a content change makes a new version), so the cache needs no invalidation and is safe on every node.
/// </summary>
public sealed class QuestionBank
{
    private readonly ConcurrentDictionary<long, PreparedQuestion> _versions = new();

    public async Task<IReadOnlyDictionary<long, PreparedQuestion>> GetAsync(CertPrepDbContext db, IEnumerable<long> versionIds, CancellationToken ct)
    {
        var wanted = versionIds.Distinct().ToList();
        var missing = wanted.Where(id => !_versions.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var rows = await db.QuestionVersions.AsNoTracking().Where(v => missing.Contains(v.Id)).ToListAsync(ct);
            foreach (var row in rows)
            {
                _versions.TryAdd(row.Id, PreparedQuestion.From(row));
            }
        }

        return wanted.Where(_versions.ContainsKey).ToDictionary(id => id, id => _versions[id]);
    }

    public async Task<PreparedQuestion?> GetAsync(CertPrepDbContext db, long versionId, CancellationToken ct) =>
        _versions.TryGetValue(versionId, out var cached) ? cached : (await GetAsync(db, [versionId], ct)).GetValueOrDefault(versionId);
}

/// <summary>One question version, parsed once: how it is shown (for a seed) and how an answer is graded.</summary>
public sealed class PreparedQuestion
{
    private readonly int[] _pinned;

    private PreparedQuestion(QuestionVersion row, QuestionBody body)
    {
        VersionId = row.Id;
        QuestionId = row.QuestionId;
        Type = Enum.Parse<QuestionType>(row.Type);
        Stem = row.Stem;
        Explanation = row.Explanation;
        Source = row.Source;
        Topic = row.Topic;
        Difficulty = Enum.Parse<CertPrep.Content.Model.Difficulty>(row.Difficulty);
        CaseId = row.CaseId;
        SourcePath = row.SourcePath;
        Options = body.Options;
        Answer = body.Answer;
        Calculation = body.Calculation;
        _pinned = [.. Options.Select((o, i) => (o, i)).Where(x => x.o.Pinned).Select(x => x.i)];
    }

    public long VersionId { get; }

    public string QuestionId { get; }

    public QuestionType Type { get; }

    public string Stem { get; }

    public string Explanation { get; }

    public string? Source { get; }

    public string Topic { get; }

    public CertPrep.Content.Model.Difficulty Difficulty { get; }

    public string? CaseId { get; }

    public string SourcePath { get; }

    public IReadOnlyList<AnswerOption> Options { get; }

    public NumericAnswer? Answer { get; }

    public Calculation? Calculation { get; }

    public bool HasOptions => Options.Count > 0;

    public bool IsNumeric => Type is QuestionType.Numeric or QuestionType.Calculated;

    public string? Unit => Calculation?.Unit ?? Answer?.Unit;

    public static PreparedQuestion From(QuestionVersion row) => new(row, LibraryJson.Read<QuestionBody>(row.BodyJson));

    /// <summary>For each display position, the written index of the option shown there (pinned options stay put).</summary>
    public IReadOnlyList<int> DisplayOrder(int seed) => HasOptions ? OptionShuffle.Permutation(Options.Count, _pinned, seed) : [];

    /// <summary>The numbers of a calculated question for a seed; null for other types.</summary>
    public CalculatedVariant? Variant(int seed) => Calculation is null ? null : CalculatedVariant.Draw(Stem, Calculation, seed);

    /// <summary>The stem as shown for a seed (a calculated question's numbers filled in).</summary>
    public string StemFor(int seed) => Variant(seed)?.Stem ?? Stem;

    /// <summary>Turns displayed choices into written option indexes; null when they are not a valid answer.</summary>
    public IReadOnlyList<int>? ToWritten(IReadOnlyCollection<int> displayed, int seed)
    {
        if (!HasOptions || displayed.Count == 0 || displayed.Any(d => d < 0 || d >= Options.Count) || displayed.Distinct().Count() != displayed.Count)
        {
            return null;
        }

        if (Type == QuestionType.Single && displayed.Count != 1)
        {
            return null;
        }

        var order = DisplayOrder(seed);
        return [.. displayed.Select(d => order[d]).Order()];
    }

    /// <summary>Grades written choices: right only when exactly the keyed options are chosen (all or nothing).</summary>
    public bool GradeChoices(IReadOnlyList<int> written)
    {
        var keys = Options.Select((o, i) => (o, i)).Where(x => x.o.IsKey).Select(x => x.i);
        return written.Order().SequenceEqual(keys);
    }

    /// <summary>Grades a number: within the question's tolerance of the key (a calculated key for this seed).</summary>
    public bool GradeNumber(double value, int seed)
    {
        if (Calculation is { } calculation)
        {
            var key = Variant(seed)!.Answer;
            var shown = Math.Round(key, calculation.Decimals, MidpointRounding.AwayFromZero);
            return NumericAnswer.Accepts(key, value, calculation.Tolerance, calculation.Relative) || Math.Abs(value - shown) < 1e-9;
        }

        return Answer is { } answer && NumericAnswer.Accepts(answer.Value, value, answer.Tolerance, answer.Relative);
    }

    /// <summary>The key as text, for the review after answering: option keys are shown on the options instead.</summary>
    public string? NumericKeyText(int seed)
    {
        if (Calculation is { } calculation)
        {
            var shown = Variant(seed)!.Shown;
            var tolerance = calculation.Relative ? $"±{(calculation.Tolerance * 100).ToString("0.##", CultureInfo.InvariantCulture)}%" : $"±{calculation.Tolerance.ToString("#,##0.##########", CultureInfo.InvariantCulture)}";
            return $"{shown}{Suffix(calculation.Unit)} (accepted within {tolerance})";
        }

        if (Answer is { } answer)
        {
            var tolerance = answer.Relative ? $"±{(answer.Tolerance * 100).ToString("0.##", CultureInfo.InvariantCulture)}%" : $"±{answer.Tolerance.ToString("#,##0.##########", CultureInfo.InvariantCulture)}";
            return $"{answer.Value.ToString("#,##0.##########", CultureInfo.InvariantCulture)}{Suffix(answer.Unit)}" + (answer.Tolerance > 0 ? $" (accepted within {tolerance})" : "");
        }

        return null;
    }

    private static string Suffix(string? unit) => string.IsNullOrWhiteSpace(unit) ? "" : " " + unit;

    /// <summary>The difficulty in the exam library's terms.</summary>
    public CertPrep.Domain.Exams.Difficulty ExamDifficulty => (CertPrep.Domain.Exams.Difficulty)(int)Difficulty;
}

/// <summary>What a learner sent for one item, checked and graded.</summary>
/// <param name="Choices">Written option indexes, comma-separated; null for numeric answers.</param>
/// <param name="NumericText">The number as typed; null for option answers.</param>
/// <param name="IsCorrect">The grade.</param>
public sealed record GradedAnswer(string? Choices, string? NumericText, bool IsCorrect)
{
    /// <summary>Checks and grades an answer; returns an error message instead when it cannot be accepted.</summary>
    public static GradedAnswer? Grade(PreparedQuestion question, int seed, IReadOnlyCollection<int> displayedChoices, string? numericText, out string? error)
    {
        error = null;
        if (question.IsNumeric)
        {
            if (!NumericResponse.TryParse(numericText, out var value, out error))
            {
                return null;
            }

            var text = numericText!.Trim();
            return new GradedAnswer(null, text.Length > 100 ? text[..100] : text, question.GradeNumber(value, seed));
        }

        var written = question.ToWritten(displayedChoices, seed);
        if (written is null)
        {
            error = question.Type == QuestionType.Single ? "Choose one option." : "Choose at least one option.";
            return null;
        }

        return new GradedAnswer(string.Join(',', written), null, question.GradeChoices(written));
    }
}

using CertPrep.Domain.Practice;

namespace CertPrep.Domain.Scheduling;

/// <summary>
/// The one place that turns an answer into a review grade (documented in <c>docs/spaced-repetition.md</c>): a wrong
/// answer is Again; a right answer is Hard when the learner was guessing or unsure, Good when sure (or when they did
/// not say), and Easy when sure and faster than their median time for that type of question.
/// </summary>
public sealed record AnswerGrading
{
    /// <summary>The rules described above.</summary>
    public static AnswerGrading Default { get; } = new();

    /// <summary>Grade of a wrong answer.</summary>
    public Grade Wrong { get; init; } = Grade.Again;

    /// <summary>Grade of a right answer the learner said was a guess.</summary>
    public Grade RightGuessing { get; init; } = Grade.Hard;

    /// <summary>Grade of a right answer the learner was unsure of.</summary>
    public Grade RightUnsure { get; init; } = Grade.Hard;

    /// <summary>Grade of a right answer given without saying how sure.</summary>
    public Grade RightUnrated { get; init; } = Grade.Good;

    /// <summary>Grade of a right answer the learner was sure of.</summary>
    public Grade RightSure { get; init; } = Grade.Good;

    /// <summary>Grade of a right, sure answer given faster than the learner's median.</summary>
    public Grade RightSureAndFast { get; init; } = Grade.Easy;

    /// <summary>How many timed answers of a question type the median needs before "faster than usual" counts.</summary>
    public int AnswersForMedian { get; init; } = 5;

    /// <summary>The grade of one answer.</summary>
    /// <param name="correct">Whether the answer was right.</param>
    /// <param name="confidence">What the learner said, if anything.</param>
    /// <param name="time">How long the answer took, if known.</param>
    /// <param name="usualTimes">The learner's earlier answer times for this type of question.</param>
    public Grade GradeFor(bool correct, Confidence? confidence, TimeSpan? time, IReadOnlyCollection<TimeSpan> usualTimes)
    {
        ArgumentNullException.ThrowIfNull(usualTimes);
        if (!correct)
        {
            return Wrong;
        }

        return confidence switch
        {
            Confidence.Guessing => RightGuessing,
            Confidence.Unsure => RightUnsure,
            Confidence.Sure when time is { } t && Median(usualTimes) is { } median && t < median => RightSureAndFast,
            Confidence.Sure => RightSure,
            _ => RightUnrated,
        };
    }

    /// <summary>The median of the times, or <c>null</c> with fewer than <see cref="AnswersForMedian"/> of them.</summary>
    public TimeSpan? Median(IReadOnlyCollection<TimeSpan> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (times.Count < Math.Max(1, AnswersForMedian))
        {
            return null;
        }

        var sorted = times.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

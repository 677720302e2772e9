using CertPrep.Domain.Adaptive;

namespace CertPrep.Domain.Planning;

/// <summary>
/// Where each domain's mastery is expected to be on the exam date if the plan is followed. A modelling assumption, not
/// a measurement (documented in <c>docs/study-plan.md</c>): every practice question closes a fixed share of the gap
/// between the learner's mastery and a ceiling, so the gap halves every <see cref="QuestionsToHalveGap"/> questions
/// (the diminishing returns of practice); the interval keeps its shape and narrows with the extra evidence.
/// </summary>
public static class ReadinessProjection
{
    /// <summary>Practice questions in a domain that halve the distance to the ceiling.</summary>
    public const double QuestionsToHalveGap = 150;

    /// <summary>The mastery practice alone is assumed to approach (nobody is certain of every item).</summary>
    public const double Ceiling = 0.92;

    /// <summary>The mastery of a domain after <paramref name="questions"/> more practice questions.</summary>
    public static Mastery Project(Mastery now, int questions)
    {
        if (questions <= 0 || now.Share >= Ceiling)
        {
            return now;
        }

        var gain = (Ceiling - now.Share) * (1 - Math.Pow(2, -questions / QuestionsToHalveGap));
        var share = now.Share + gain;
        var narrow = Math.Sqrt((now.Responses + 1.0) / (now.Responses + 1.0 + questions));
        return new Mastery(
            share,
            Math.Clamp(share - ((now.Share - now.Low) * narrow), 0, share),
            Math.Clamp(share + ((now.High - now.Share) * narrow), share, 1),
            now.Responses + questions);
    }

    /// <summary>Practice questions the plan holds per domain from a date on (each practice task's questions).</summary>
    public static IReadOnlyDictionary<string, int> PlannedQuestions(StudyPlan plan, DateOnly from)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Days.Where(d => d.Date >= from)
            .SelectMany(d => d.Tasks)
            .Where(t => t.Kind == PlanTaskKind.Practice)
            .GroupBy(t => t.Target, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(t => t.PracticeQuestions), StringComparer.Ordinal);
    }
}

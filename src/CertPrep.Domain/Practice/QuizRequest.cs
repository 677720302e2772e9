using CertPrep.Domain.Exams;

namespace CertPrep.Domain.Practice;

/// <summary>
/// Which questions a practice quiz draws from. When several filters are set a question qualifies if it matches any of
/// them (their union); <see cref="None"/> lets every question through.
/// </summary>
[Flags]
public enum QuizFilters
{
    /// <summary>No filter: every question qualifies.</summary>
    None = 0,

    /// <summary>Questions the learner has never answered.</summary>
    Unseen = 1,

    /// <summary>Questions the learner has answered incorrectly at least once.</summary>
    PreviouslyIncorrect = 2,

    /// <summary>Questions the learner has flagged.</summary>
    Flagged = 4,
}

/// <summary>What a learner asks for when building a practice quiz.</summary>
/// <param name="DomainIds">The domains to draw from, in the learner's order; empty means every domain.</param>
/// <param name="Count">How many questions the quiz should have, from 1 to <see cref="QuizPlanner.MaxCount"/>.</param>
/// <param name="Filters">Which questions qualify (a union of the flags set); <see cref="QuizFilters.None"/> means all.</param>
/// <param name="Difficulties">The difficulties allowed; null or empty means any difficulty.</param>
/// <param name="IncludeRecentlySeen">
/// True to treat questions answered within <see cref="QuizPlanner.RecentlySeenWindow"/> like any other; false to hold
/// them back until the fresh questions run out.
/// </param>
/// <param name="DomainWeights">
/// Relative weights (0 or more) for sharing the questions among the domains, such as the exam blueprint's weights;
/// null shares them equally. A domain missing from the dictionary gets the average weight of the chosen domains present in it.
/// </param>
public sealed record QuizRequest(
    IReadOnlyList<string> DomainIds,
    int Count,
    QuizFilters Filters,
    IReadOnlySet<Difficulty>? Difficulties,
    bool IncludeRecentlySeen,
    IReadOnlyDictionary<string, double>? DomainWeights = null);

using CertPrep.Domain.Exams;

namespace CertPrep.Domain.Practice;

/// <summary>A question that may be placed in a practice quiz, with what the learner has done with it.</summary>
/// <param name="Id">The question's identifier, unique within the pool.</param>
/// <param name="DomainIds">The domains the question serves (at least one), most relevant first.</param>
/// <param name="Difficulty">The question's difficulty rating.</param>
/// <param name="History">The learner's history with the question (<see cref="QuestionHistory.None"/> when none).</param>
/// <param name="Flagged">True when the learner has flagged the question.</param>
public sealed record QuizCandidate(
    string Id, IReadOnlyList<string> DomainIds, Difficulty Difficulty, QuestionHistory History, bool Flagged);

/// <summary>The questions chosen for a practice quiz, in the order they are asked.</summary>
/// <param name="QuestionIds">The chosen question ids, without repeats, in presentation order.</param>
/// <param name="Requested">How many questions were asked for.</param>
/// <param name="Eligible">
/// How many questions in the chosen domains match the filters and difficulties, recently seen ones included.
/// </param>
/// <param name="RecentlySeenUsed">
/// How many recently seen questions had to be included because there were not enough fresh ones.
/// </param>
public sealed record QuizPlan(IReadOnlyList<string> QuestionIds, int Requested, int Eligible, int RecentlySeenUsed)
{
    /// <summary>True when fewer questions were found than were asked for.</summary>
    public bool IsShort => QuestionIds.Count < Requested;
}

/// <summary>
/// Chooses the questions of a practice quiz.
/// <list type="number">
/// <item><description>
/// <b>Eligible questions</b> are those in the chosen domains (all domains when none are chosen) that match the filters
/// (any of them; all questions when none is set) and the allowed difficulties (any when none are given).
/// </description></item>
/// <item><description>
/// <b>Home domain.</b> Each question counts for one domain: the first chosen domain it serves, in the request's order,
/// or, when all domains are chosen, the first domain it lists.
/// </description></item>
/// <item><description>
/// <b>Recently seen questions</b>, answered less than <see cref="RecentlySeenWindow"/> before the given instant (or
/// after it), are held back unless <see cref="QuizRequest.IncludeRecentlySeen"/> is set. Fresh questions are used
/// first; only when there are too few are recently seen ones added, least recently answered first, and
/// <see cref="QuizPlan.RecentlySeenUsed"/> counts them.
/// </description></item>
/// <item><description>
/// <b>Spread over domains.</b> The count is shared among the domains by the largest-remainder (Hamilton) method,
/// weighted by <see cref="QuizRequest.DomainWeights"/> when given (a chosen domain missing from it takes the average
/// weight of the chosen domains present; when every weight is 0 the shares are equal) and equally otherwise. When all domains are chosen,
/// the domains shared among are the home domains of the eligible questions. A domain with too few fresh questions
/// gives what it has, and its gap is shared among the domains that still have some, by the same method and weights,
/// until the gap is filled or the fresh questions run out. With enough fresh questions, every domain therefore gets
/// its apportioned share, within one question of weight × count.
/// </description></item>
/// <item><description>
/// <b>Randomness.</b> Within a domain questions are drawn at random, and the finished quiz is shuffled so that
/// domains are interleaved; every random choice comes from one <see cref="Random"/> seeded with the given seed
/// (Fisher–Yates shuffles). The pool is sorted by id first, so the plan depends only on the set of candidates and the
/// seed, never on the order they arrive in.
/// </description></item>
/// </list>
/// A question never appears twice. When fewer questions are eligible than asked for, the quiz holds all of them and
/// <see cref="QuizPlan.IsShort"/> is true.
/// </summary>
public static class QuizPlanner
{
    /// <summary>The most questions a quiz may ask for.</summary>
    public const int MaxCount = 200;

    /// <summary>Questions answered less than this long ago are held back (see <see cref="QuizRequest.IncludeRecentlySeen"/>).</summary>
    public static readonly TimeSpan RecentlySeenWindow = TimeSpan.FromDays(2);

    private const QuizFilters AllFilters = QuizFilters.Unseen | QuizFilters.PreviouslyIncorrect | QuizFilters.Flagged;

    /// <summary>Plans a quiz; see <see cref="QuizPlanner"/> for the rules.</summary>
    /// <param name="request">What the learner asked for; its count must be between 1 and <see cref="MaxCount"/>.</param>
    /// <param name="pool">Candidate questions with unique ids, in any order.</param>
    /// <param name="nowUtc">The current instant in UTC, against which "recently seen" is measured.</param>
    /// <param name="seed">Seed for every random choice; the same inputs and seed give the same plan.</param>
    /// <returns>The chosen questions in presentation order, with how many were asked for, eligible and recently seen.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The count is out of range, or the filters hold unknown flags.</exception>
    /// <exception cref="ArgumentException">
    /// A domain id or candidate is malformed, a candidate id appears twice, or a domain weight is negative or not finite.
    /// </exception>
    public static QuizPlan Plan(QuizRequest request, IEnumerable<QuizCandidate> pool, DateTime nowUtc, int seed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(pool);
        var chosenDomains = ValidateRequest(request);

        // Sort by id so the result depends only on the set of questions, not on the order they came in.
        var candidates = pool.OrderBy(c => c?.Id, StringComparer.Ordinal).ToList();
        ValidatePool(candidates);

        var eligible = new List<(QuizCandidate Candidate, string Home)>();
        foreach (var candidate in candidates)
        {
            var home = HomeDomain(candidate, chosenDomains);
            if (home is not null && MatchesFilters(candidate, request.Filters) && MatchesDifficulty(candidate, request.Difficulties))
            {
                eligible.Add((candidate, home));
            }
        }

        var domains = chosenDomains.Count > 0
            ? chosenDomains
            : eligible.Select(e => e.Home).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var domainIndex = domains.Select((d, i) => (d, i)).ToDictionary(p => p.d, p => p.i, StringComparer.Ordinal);

        var fresh = domains.Select(_ => new List<QuizCandidate>()).ToArray();
        var recent = new List<QuizCandidate>();
        foreach (var (candidate, home) in eligible)
        {
            if (!request.IncludeRecentlySeen && IsRecent(candidate.History, nowUtc))
            {
                recent.Add(candidate);
            }
            else
            {
                fresh[domainIndex[home]].Add(candidate);
            }
        }

        var random = new Random(seed);
        foreach (var list in fresh)
        {
            Shuffle(list, random);
        }

        var counts = Share(Weights(domains, request.DomainWeights), fresh.Select(f => f.Count).ToArray(), request.Count);
        var quiz = fresh.SelectMany((list, d) => list.Take(counts[d])).ToList();

        var recentUsed = 0;
        var gap = request.Count - quiz.Count;
        if (gap > 0 && recent.Count > 0)
        {
            // Shuffle first so questions answered at the same instant are taken in a seeded random order.
            Shuffle(recent, random);
            var oldestFirst = recent.OrderBy(c => c.History.LastAnsweredUtc).Take(gap).ToList();
            quiz.AddRange(oldestFirst);
            recentUsed = oldestFirst.Count;
        }

        Shuffle(quiz, random);
        return new QuizPlan(quiz.Select(c => c.Id).ToList(), request.Count, eligible.Count, recentUsed);
    }

    private static List<string> ValidateRequest(QuizRequest request)
    {
        if (request.Count is < 1 or > MaxCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(request), request.Count, $"A quiz asks for between 1 and {MaxCount} questions.");
        }

        if ((request.Filters & ~AllFilters) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Filters, "Unknown quiz filter.");
        }

        if (request.DomainIds is null || request.DomainIds.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Domain ids must not be empty.", nameof(request));
        }

        if (request.DomainWeights is not null && request.DomainWeights.Values.Any(w => !double.IsFinite(w) || w < 0))
        {
            throw new ArgumentException("Domain weights must be finite and 0 or more.", nameof(request));
        }

        return request.DomainIds.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void ValidatePool(List<QuizCandidate> pool)
    {
        foreach (var candidate in pool)
        {
            if (candidate is null || string.IsNullOrWhiteSpace(candidate.Id) || candidate.DomainIds is null
                || candidate.DomainIds.Count == 0 || candidate.History is null)
            {
                throw new ArgumentException("Every candidate needs an id, at least one domain and a history.", nameof(pool));
            }
        }

        for (var i = 1; i < pool.Count; i++)
        {
            if (string.Equals(pool[i - 1].Id, pool[i].Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Candidate id '{pool[i].Id}' appears twice.", nameof(pool));
            }
        }
    }

    /// <summary>The domain a question counts for, or null when it serves none of the chosen domains.</summary>
    private static string? HomeDomain(QuizCandidate candidate, List<string> chosenDomains)
    {
        if (chosenDomains.Count == 0)
        {
            return candidate.DomainIds[0];
        }

        foreach (var domain in chosenDomains)
        {
            if (candidate.DomainIds.Contains(domain, StringComparer.Ordinal))
            {
                return domain;
            }
        }

        return null;
    }

    private static bool MatchesFilters(QuizCandidate candidate, QuizFilters filters) =>
        filters == QuizFilters.None
        || (filters.HasFlag(QuizFilters.Unseen) && candidate.History.IsUnseen)
        || (filters.HasFlag(QuizFilters.PreviouslyIncorrect) && candidate.History.WasEverIncorrect)
        || (filters.HasFlag(QuizFilters.Flagged) && candidate.Flagged);

    private static bool MatchesDifficulty(QuizCandidate candidate, IReadOnlySet<Difficulty>? difficulties) =>
        difficulties is null || difficulties.Count == 0 || difficulties.Contains(candidate.Difficulty);

    /// <summary>
    /// Answered less than the window before now. An answer stamped after now (clock skew between servers) counts as
    /// recent too. Subtracting instants cannot overflow, unlike now − window near <see cref="DateTime.MinValue"/>.
    /// </summary>
    private static bool IsRecent(QuestionHistory history, DateTime nowUtc) =>
        history.LastAnsweredUtc is { } last && nowUtc - last < RecentlySeenWindow;

    /// <summary>Each domain's weight: the given one, the average of the given ones when missing, or 1 when none given.</summary>
    private static double[] Weights(List<string> domains, IReadOnlyDictionary<string, double>? given)
    {
        if (given is null)
        {
            return domains.Select(_ => 1.0).ToArray();
        }

        var known = domains.Where(given.ContainsKey).Select(d => given[d]).ToList();
        var fallback = known.Count > 0 ? known.Average() : 1.0;
        return domains.Select(d => given.TryGetValue(d, out var w) ? w : fallback).ToArray();
    }

    /// <summary>
    /// Shares <paramref name="total"/> among domains by weight, capped by what each domain has. The first round
    /// apportions over every domain; each later round shares the remaining gap among the domains with questions left,
    /// so a short domain's gap is filled in proportion to the others' weights. Each round either fills the gap or uses
    /// up at least one domain, so this ends after at most one round per domain.
    /// </summary>
    private static int[] Share(double[] weights, int[] available, int total)
    {
        var counts = new int[weights.Length];
        var open = Enumerable.Range(0, weights.Length).ToList();
        var left = total;
        while (left > 0 && open.Count > 0)
        {
            var openWeights = open.Select(i => weights[i]).ToList();
            if (openWeights.Sum() <= 0)
            {
                openWeights = open.Select(_ => 1.0).ToList();
            }

            var quotas = ExamBlueprint.Hamilton(openWeights, left);
            for (var k = 0; k < open.Count; k++)
            {
                var given = Math.Min(quotas[k], available[open[k]] - counts[open[k]]);
                counts[open[k]] += given;
                left -= given;
            }

            open = open.Where(i => counts[i] < available[i]).ToList();
        }

        return counts;
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    private static void Shuffle<T>(List<T> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}

using CertPrep.Domain.Exams;
using CertPrep.Domain.Practice;
using CertPrep.Domain.Tests.Exams;

namespace CertPrep.Domain.Tests.Practice;

public sealed class QuizPlannerTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, int> BlueprintsAndCounts
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var name in RealBlueprint.Names)
            {
                foreach (var count in new[] { 1, 7, 10, 25, 50, 200 })
                {
                    data.Add(name, count);
                }
            }

            return data;
        }
    }

    [Theory]
    [InlineData(QuizFilters.None, "c,cf,i,if,r,u,uf")]
    [InlineData(QuizFilters.Unseen, "u,uf")]
    [InlineData(QuizFilters.PreviouslyIncorrect, "i,if,r")]
    [InlineData(QuizFilters.Flagged, "cf,if,uf")]
    [InlineData(QuizFilters.Unseen | QuizFilters.Flagged, "cf,if,u,uf")]
    [InlineData(QuizFilters.Unseen | QuizFilters.PreviouslyIncorrect, "i,if,r,u,uf")]
    [InlineData(QuizFilters.PreviouslyIncorrect | QuizFilters.Flagged, "cf,i,if,r,uf")]
    [InlineData(QuizFilters.Unseen | QuizFilters.PreviouslyIncorrect | QuizFilters.Flagged, "cf,i,if,r,u,uf")]
    public void Plan_KeepsQuestionsMatchingAnyFilter_WhenFiltersAreSet(QuizFilters filters, string expected)
    {
        // u: unseen; c: answered correctly; i: answered incorrectly; r: wrong once, then right; f: flagged.
        QuizCandidate[] pool =
        [
            Question("u"),
            Question("uf") with { Flagged = true },
            Question("c") with { History = Answered(days: 10, correct: true) },
            Question("cf") with { History = Answered(days: 10, correct: true), Flagged = true },
            Question("i") with { History = Answered(days: 10, correct: false) },
            Question("if") with { History = Answered(days: 10, correct: false), Flagged = true },
            Question("r") with { History = new QuestionHistory(2, Now.AddDays(-10), LastCorrect: true, EverIncorrect: true) },
        ];

        var plan = QuizPlanner.Plan(Request(200, filters), pool, Now, seed: 1);

        plan.QuestionIds.Order(StringComparer.Ordinal).ShouldBe(expected.Split(','));
        plan.Eligible.ShouldBe(expected.Split(',').Length);
    }

    [Fact]
    public void Plan_TreatsWrongThenRightAsPreviouslyIncorrect_WhenLastAnswerWasCorrect()
    {
        QuizCandidate[] pool =
        [
            Question("fixed") with { History = new QuestionHistory(2, Now.AddDays(-5), LastCorrect: true, EverIncorrect: true) },
            Question("always-right") with { History = new QuestionHistory(3, Now.AddDays(-5), LastCorrect: true, EverIncorrect: false) },
        ];

        var plan = QuizPlanner.Plan(Request(10, QuizFilters.PreviouslyIncorrect), pool, Now, seed: 1);

        plan.QuestionIds.ShouldBe(["fixed"]);
    }

    [Theory]
    [InlineData(null, "e,h,m")]
    [InlineData("", "e,h,m")]
    [InlineData("Easy", "e")]
    [InlineData("Hard", "h")]
    [InlineData("Easy,Hard", "e,h")]
    [InlineData("Easy,Medium,Hard", "e,h,m")]
    public void Plan_KeepsAllowedDifficulties_WhenDifficultiesAreGiven(string? difficulties, string expected)
    {
        QuizCandidate[] pool =
        [
            Question("e") with { Difficulty = Difficulty.Easy },
            Question("m") with { Difficulty = Difficulty.Medium },
            Question("h") with { Difficulty = Difficulty.Hard },
        ];
        var allowed = difficulties?.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Difficulty>).ToHashSet();

        var plan = QuizPlanner.Plan(Request(10, difficulties: allowed), pool, Now, seed: 2);

        plan.QuestionIds.Order(StringComparer.Ordinal).ShouldBe(expected.Split(','));
    }

    [Fact]
    public void Plan_CombinesFiltersAndDifficulty_WhenBothAreSet()
    {
        QuizCandidate[] pool =
        [
            Question("flagged-hard") with { Flagged = true, Difficulty = Difficulty.Hard },
            Question("flagged-easy") with { Flagged = true, Difficulty = Difficulty.Easy },
            Question("plain-hard") with { History = Answered(days: 9, correct: true), Difficulty = Difficulty.Hard },
        ];

        var plan = QuizPlanner.Plan(
            Request(10, QuizFilters.Flagged, difficulties: new HashSet<Difficulty> { Difficulty.Hard }), pool, Now, seed: 2);

        plan.QuestionIds.ShouldBe(["flagged-hard"]);
        plan.Eligible.ShouldBe(1);
    }

    [Fact]
    public void Plan_DrawsOnlyFromChosenDomains_WhenDomainsAreGiven()
    {
        var pool = Questions("a", 10).Concat(Questions("b", 10)).Concat(Questions("c", 10)).ToList();
        pool.Add(Question("shared", "a", "c"));

        var plan = QuizPlanner.Plan(Request(50, domains: ["c"]), pool, Now, seed: 3);

        plan.QuestionIds.ShouldAllBe(id => id.StartsWith("c-", StringComparison.Ordinal) || id == "shared");
        plan.QuestionIds.Count.ShouldBe(11);
        plan.Eligible.ShouldBe(11);
    }

    [Fact]
    public void Plan_DrawsFromEveryDomain_WhenNoDomainIsGiven()
    {
        var pool = Questions("a", 3).Concat(Questions("b", 3)).Concat(Questions("c", 3)).ToList();

        var plan = QuizPlanner.Plan(Request(20), pool, Now, seed: 3);

        plan.QuestionIds.Count.ShouldBe(9);
        plan.Eligible.ShouldBe(9);
    }

    [Fact]
    public void Plan_FindsNothing_WhenChosenDomainIsUnknown()
    {
        var plan = QuizPlanner.Plan(Request(5, domains: ["zzz"]), Questions("a", 10), Now, seed: 3);

        plan.QuestionIds.ShouldBeEmpty();
        plan.Eligible.ShouldBe(0);
        plan.IsShort.ShouldBeTrue();
    }

    [Fact]
    public void Plan_CountsASharedQuestionForTheFirstChosenDomain_WhenItServesSeveral()
    {
        // The shared questions list "a" first, but the learner chose "b" first, so they count for "b".
        var pool = Questions("a", 10).Concat(Enumerable.Range(0, 10).Select(i => Question($"s-{i:D2}", "a", "b"))).ToList();

        for (var seed = 0; seed < 20; seed++)
        {
            var plan = QuizPlanner.Plan(Request(10, domains: ["b", "a"]), pool, Now, seed);

            plan.QuestionIds.Count(id => id.StartsWith("s-", StringComparison.Ordinal)).ShouldBe(5);
            plan.QuestionIds.Count(id => id.StartsWith("a-", StringComparison.Ordinal)).ShouldBe(5);
        }
    }

    [Fact]
    public void Plan_CountsASharedQuestionForItsFirstDomain_WhenAllDomainsAreChosen()
    {
        var pool = Questions("a", 10).Concat(Enumerable.Range(0, 10).Select(i => Question($"s-{i:D2}", "b", "a"))).ToList();

        for (var seed = 0; seed < 20; seed++)
        {
            var plan = QuizPlanner.Plan(Request(10), pool, Now, seed);

            plan.QuestionIds.Count(id => id.StartsWith("s-", StringComparison.Ordinal)).ShouldBe(5);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(35)]
    [InlineData(60)]
    [InlineData(200)]
    public void Plan_NeverRepeatsAQuestion_WhenManySeeds(int count)
    {
        var pool = Questions("a", 20).Concat(Questions("b", 20))
            .Append(Question("shared", "a", "b"))
            .Concat(Questions("r", 10, Answered(hours: 3, correct: true), domain: "a"))
            .ToList();

        for (var seed = 0; seed < 50; seed++)
        {
            var plan = QuizPlanner.Plan(Request(count, domains: ["a", "b"]), pool, Now, seed);

            plan.QuestionIds.Distinct().Count().ShouldBe(plan.QuestionIds.Count);
            plan.QuestionIds.Count.ShouldBe(Math.Min(count, pool.Count));
        }
    }

    [Fact]
    public void Plan_UsesOnlyFreshQuestions_WhenThereAreEnough()
    {
        var pool = Questions("fresh", 10, domain: "a").Concat(Questions("recent", 10, Answered(hours: 5, correct: true), domain: "a"));

        for (var seed = 0; seed < 20; seed++)
        {
            var plan = QuizPlanner.Plan(Request(10), pool, Now, seed);

            plan.QuestionIds.ShouldAllBe(id => id.StartsWith("fresh-", StringComparison.Ordinal));
            plan.RecentlySeenUsed.ShouldBe(0);
            plan.Eligible.ShouldBe(20);
        }
    }

    [Fact]
    public void Plan_AddsLeastRecentlySeenFirst_WhenFreshQuestionsRunOut()
    {
        var pool = Questions("fresh", 4, domain: "a")
            .Concat(Enumerable.Range(1, 8).Select(h => Question($"recent-{h}h") with { History = Answered(hours: h, correct: true) }))
            .ToList();

        var plan = QuizPlanner.Plan(Request(7), pool, Now, seed: 4);

        plan.QuestionIds.Count.ShouldBe(7);
        plan.RecentlySeenUsed.ShouldBe(3);
        plan.QuestionIds.Where(id => id.StartsWith("recent-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .ShouldBe(["recent-6h", "recent-7h", "recent-8h"]);
        plan.QuestionIds.Count(id => id.StartsWith("fresh-", StringComparison.Ordinal)).ShouldBe(4);
        plan.IsShort.ShouldBeFalse();
    }

    [Fact]
    public void Plan_TakesFreshQuestionsFromOtherDomains_BeforeRecentOnes()
    {
        // Domain "a" has only recently seen questions; "b" has plenty of fresh ones, which come first.
        var pool = Questions("a", 10, Answered(hours: 1, correct: false)).Concat(Questions("b", 10));

        var plan = QuizPlanner.Plan(Request(10, domains: ["a", "b"]), pool, Now, seed: 5);

        plan.QuestionIds.ShouldAllBe(id => id.StartsWith("b-", StringComparison.Ordinal));
        plan.RecentlySeenUsed.ShouldBe(0);
    }

    [Theory]
    [InlineData(-1.0, true)]
    [InlineData(0.0, true)]
    [InlineData(1.0, true)]
    [InlineData(47.9, true)]
    [InlineData(48.0, false)]
    [InlineData(48.1, false)]
    [InlineData(24.0 * 30, false)]
    public void Plan_HoldsBackQuestionsAnsweredWithinTheWindow_WhenNotIncludingRecent(double hoursAgo, bool heldBack)
    {
        // A negative age is an answer stamped after "now" (clock skew), which counts as recent.
        QuizCandidate[] pool = [Question("probe") with { History = new QuestionHistory(1, Now.AddHours(-hoursAgo), true, false) }];

        var plan = QuizPlanner.Plan(Request(1), pool, Now, seed: 6);

        plan.QuestionIds.ShouldBe(["probe"]);
        plan.RecentlySeenUsed.ShouldBe(heldBack ? 1 : 0);
    }

    [Fact]
    public void Plan_TreatsTheWindowAsHalfOpen_WhenAnsweredExactlyTwoDaysAgo()
    {
        QuizCandidate[] pool =
        [
            Question("edge") with { History = new QuestionHistory(1, Now - QuizPlanner.RecentlySeenWindow, true, false) },
            Question("inside") with { History = new QuestionHistory(1, Now - QuizPlanner.RecentlySeenWindow + TimeSpan.FromSeconds(1), true, false) },
        ];

        var plan = QuizPlanner.Plan(Request(1), pool, Now, seed: 7);

        plan.QuestionIds.ShouldBe(["edge"]);
        plan.RecentlySeenUsed.ShouldBe(0);
    }

    [Fact]
    public void Plan_TreatsRecentQuestionsLikeOthers_WhenIncludingRecentlySeen()
    {
        var pool = Questions("fresh", 10, domain: "a").Concat(Questions("recent", 10, Answered(hours: 2, correct: true), domain: "a")).ToList();
        var sawRecent = false;

        for (var seed = 0; seed < 20; seed++)
        {
            var plan = QuizPlanner.Plan(Request(10, includeRecent: true), pool, Now, seed);

            plan.RecentlySeenUsed.ShouldBe(0);
            sawRecent |= plan.QuestionIds.Any(id => id.StartsWith("recent-", StringComparison.Ordinal));
        }

        sawRecent.ShouldBeTrue();
    }

    [Fact]
    public void Plan_ReturnsTheSamePlan_WhenSameSeedAndPoolInAnotherOrder()
    {
        var pool = Questions("a", 30).Concat(Questions("b", 30)).Concat(Questions("r", 10, Answered(hours: 3, correct: true), domain: "b")).ToList();
        var request = Request(40, domains: ["a", "b"]);

        var first = QuizPlanner.Plan(request, pool, Now, seed: 99);
        var again = QuizPlanner.Plan(request, pool, Now, seed: 99);
        var reversed = QuizPlanner.Plan(request, pool.AsEnumerable().Reverse(), Now, seed: 99);
        var shuffled = QuizPlanner.Plan(request, pool.OrderBy(c => c.Id.GetHashCode(StringComparison.Ordinal)), Now, seed: 99);

        again.QuestionIds.ShouldBe(first.QuestionIds);
        reversed.QuestionIds.ShouldBe(first.QuestionIds);
        shuffled.QuestionIds.ShouldBe(first.QuestionIds);
    }

    [Fact]
    public void Plan_ReturnsDifferentQuizzes_WhenSeedsDiffer()
    {
        var pool = Questions("a", 30).Concat(Questions("b", 30)).ToList();

        var first = QuizPlanner.Plan(Request(10), pool, Now, seed: 1);
        var second = QuizPlanner.Plan(Request(10), pool, Now, seed: 2);

        second.QuestionIds.ShouldNotBe(first.QuestionIds);
    }

    [Fact]
    public void Plan_InterleavesDomains_WhenShuffling()
    {
        var pool = Questions("a", 10).Concat(Questions("b", 10)).ToList();
        var firstDomains = new HashSet<char>();
        var lastDomains = new HashSet<char>();

        for (var seed = 0; seed < 50; seed++)
        {
            var plan = QuizPlanner.Plan(Request(10, domains: ["a", "b"]), pool, Now, seed);
            firstDomains.Add(plan.QuestionIds[0][0]);
            lastDomains.Add(plan.QuestionIds[^1][0]);
        }

        firstDomains.ShouldBe(['a', 'b'], ignoreOrder: true);
        lastDomains.ShouldBe(['a', 'b'], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(BlueprintsAndCounts))]
    public void Plan_SpreadsWithinOneOfTheWeightedShare_WhenPoolIsLargeEnough(string blueprintName, int count)
    {
        var blueprint = RealBlueprint.Create(blueprintName);
        var pool = blueprint.Domains.SelectMany(d => Questions(d.Id, 250)).ToList();
        var weights = blueprint.Domains.ToDictionary(d => d.Id, d => d.Weight);
        var domains = blueprint.Domains.Select(d => d.Id).ToList();

        var plan = QuizPlanner.Plan(Request(count, domains: domains, weights: weights), pool, Now, seed: count);

        plan.QuestionIds.Count.ShouldBe(count);
        var expected = blueprint.Apportion(count);
        foreach (var domain in blueprint.Domains)
        {
            var drawn = plan.QuestionIds.Count(id => DomainOf(id) == domain.Id);
            Math.Abs(drawn - (domain.Weight * count)).ShouldBeLessThan(1.0, domain.Id);
            drawn.ShouldBe(expected.Single(e => e.Key == domain.Id).Value, domain.Id);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(31)]
    [InlineData(200)]
    public void Plan_SpreadsEquallyWithinOne_WhenNoWeightsAreGiven(int count)
    {
        var pool = new[] { "a", "b", "c" }.SelectMany(d => Questions(d, 100)).ToList();

        var plan = QuizPlanner.Plan(Request(count), pool, Now, seed: 12);

        var perDomain = plan.QuestionIds.GroupBy(DomainOf).Select(g => g.Count()).ToList();
        perDomain.Sum().ShouldBe(count);
        perDomain.ShouldAllBe(n => Math.Abs(n - (count / 3.0)) < 1.0);
    }

    [Fact]
    public void Plan_FillsAShortDomainsGapFromTheOthers_WhenItHasTooFewQuestions()
    {
        var pool = Questions("a", 2).Concat(Questions("b", 50)).Concat(Questions("c", 50)).ToList();

        var plan = QuizPlanner.Plan(Request(30, domains: ["a", "b", "c"]), pool, Now, seed: 13);

        plan.QuestionIds.Count.ShouldBe(30);
        plan.QuestionIds.Count(id => DomainOf(id) == "a").ShouldBe(2);
        plan.QuestionIds.Count(id => DomainOf(id) == "b").ShouldBe(14);
        plan.QuestionIds.Count(id => DomainOf(id) == "c").ShouldBe(14);
    }

    [Fact]
    public void Plan_FillsTheGapByWeight_WhenWeightsAreGiven()
    {
        var pool = Questions("a", 0).Concat(Questions("b", 50)).Concat(Questions("c", 50)).ToList();
        var weights = new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 0.375, ["c"] = 0.125 };

        var plan = QuizPlanner.Plan(Request(16, domains: ["a", "b", "c"], weights: weights), pool, Now, seed: 14);

        plan.QuestionIds.Count(id => DomainOf(id) == "b").ShouldBe(12);
        plan.QuestionIds.Count(id => DomainOf(id) == "c").ShouldBe(4);
    }

    [Fact]
    public void Plan_GivesAMissingDomainTheAverageWeight_WhenWeightsAreIncomplete()
    {
        var pool = new[] { "a", "b", "c" }.SelectMany(d => Questions(d, 50)).ToList();
        var weights = new Dictionary<string, double> { ["a"] = 1, ["b"] = 3 };

        var plan = QuizPlanner.Plan(Request(12, domains: ["a", "b", "c"], weights: weights), pool, Now, seed: 15);

        plan.QuestionIds.GroupBy(DomainOf).ToDictionary(g => g.Key, g => g.Count())
            .ShouldBe(new Dictionary<string, int> { ["a"] = 2, ["b"] = 6, ["c"] = 4 }, ignoreOrder: true);
    }

    [Fact]
    public void Plan_UsesAZeroWeightDomainOnlyToFillGaps_WhenOthersRunShort()
    {
        var pool = Questions("a", 50).Concat(Questions("b", 3)).ToList();
        var weights = new Dictionary<string, double> { ["a"] = 0, ["b"] = 1 };

        var plenty = QuizPlanner.Plan(Request(3, domains: ["a", "b"], weights: weights), pool, Now, seed: 16);
        var more = QuizPlanner.Plan(Request(10, domains: ["a", "b"], weights: weights), pool, Now, seed: 16);

        plenty.QuestionIds.ShouldAllBe(id => DomainOf(id) == "b");
        more.QuestionIds.Count(id => DomainOf(id) == "a").ShouldBe(7);
    }

    [Fact]
    public void Plan_SharesEqually_WhenEveryWeightIsZero()
    {
        var pool = Questions("a", 50).Concat(Questions("b", 50)).ToList();
        var weights = new Dictionary<string, double> { ["a"] = 0, ["b"] = 0 };

        var plan = QuizPlanner.Plan(Request(10, domains: ["a", "b"], weights: weights), pool, Now, seed: 17);

        plan.QuestionIds.Count(id => DomainOf(id) == "a").ShouldBe(5);
    }

    [Fact]
    public void Plan_ReportsAShortQuiz_WhenTooFewQuestionsAreEligible()
    {
        var pool = Questions("a", 5).Concat(Questions("b", 2)).Concat(Questions("x", 30));

        var plan = QuizPlanner.Plan(Request(10, domains: ["a", "b"]), pool, Now, seed: 18);

        plan.IsShort.ShouldBeTrue();
        plan.Requested.ShouldBe(10);
        plan.Eligible.ShouldBe(7);
        plan.QuestionIds.Count.ShouldBe(7);
    }

    [Fact]
    public void Plan_IsNotShort_WhenTheCountIsMet()
    {
        var plan = QuizPlanner.Plan(Request(10), Questions("a", 10), Now, seed: 19);

        plan.IsShort.ShouldBeFalse();
        plan.QuestionIds.Count.ShouldBe(10);
    }

    [Fact]
    public void Plan_ReturnsAnEmptyPlan_WhenThePoolIsEmpty()
    {
        var plan = QuizPlanner.Plan(Request(10), [], Now, seed: 20);

        plan.QuestionIds.ShouldBeEmpty();
        plan.Eligible.ShouldBe(0);
        plan.IsShort.ShouldBeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(QuizPlanner.MaxCount + 1)]
    public void Plan_Throws_WhenCountIsOutOfRange(int count)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => QuizPlanner.Plan(Request(count), Questions("a", 5), Now, seed: 1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(QuizPlanner.MaxCount)]
    public void Plan_Accepts_WhenCountIsAtTheLimits(int count)
    {
        var plan = QuizPlanner.Plan(Request(count), Questions("a", 250), Now, seed: 1);

        plan.QuestionIds.Count.ShouldBe(count);
    }

    [Fact]
    public void Plan_Throws_WhenPoolHasDuplicateIds()
    {
        QuizCandidate[] pool = [Question("q"), Question("q", "b")];

        Should.Throw<ArgumentException>(() => QuizPlanner.Plan(Request(1), pool, Now, seed: 1));
    }

    [Fact]
    public void Plan_Throws_WhenACandidateHasNoDomain()
    {
        QuizCandidate[] pool = [new("q", [], Difficulty.Easy, QuestionHistory.None, false)];

        Should.Throw<ArgumentException>(() => QuizPlanner.Plan(Request(1), pool, Now, seed: 1));
    }

    [Fact]
    public void Plan_Throws_WhenAWeightIsNegative()
    {
        var weights = new Dictionary<string, double> { ["a"] = -1 };

        Should.Throw<ArgumentException>(() => QuizPlanner.Plan(Request(1, weights: weights), Questions("a", 5), Now, seed: 1));
    }

    [Fact]
    public void Plan_Throws_WhenAFilterIsUnknown()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => QuizPlanner.Plan(Request(1, (QuizFilters)8), Questions("a", 5), Now, seed: 1));
    }

    [Fact]
    public void Plan_Throws_WhenAChosenDomainIdIsBlank()
    {
        Should.Throw<ArgumentException>(() => QuizPlanner.Plan(Request(1, domains: [" "]), Questions("a", 5), Now, seed: 1));
    }

    [Fact]
    public void Plan_Throws_WhenRequestOrPoolIsNull()
    {
        Should.Throw<ArgumentNullException>(() => QuizPlanner.Plan(null!, Questions("a", 5), Now, seed: 1));
        Should.Throw<ArgumentNullException>(() => QuizPlanner.Plan(Request(1), null!, Now, seed: 1));
    }

    private static QuizRequest Request(
        int count,
        QuizFilters filters = QuizFilters.None,
        IReadOnlyList<string>? domains = null,
        IReadOnlySet<Difficulty>? difficulties = null,
        bool includeRecent = false,
        IReadOnlyDictionary<string, double>? weights = null) =>
        new(domains ?? [], count, filters, difficulties, includeRecent, weights);

    private static QuizCandidate Question(string id, params string[] domains) =>
        new(id, domains.Length == 0 ? ["a"] : domains, Difficulty.Medium, QuestionHistory.None, Flagged: false);

    /// <summary>Questions "{prefix}-000", "{prefix}-001", … in <paramref name="domain"/> (default: the prefix).</summary>
    private static IEnumerable<QuizCandidate> Questions(string prefix, int count, QuestionHistory? history = null, string? domain = null) =>
        Enumerable.Range(0, count).Select(i => Question($"{prefix}-{i:D3}", domain ?? prefix) with { History = history ?? QuestionHistory.None });

    private static QuestionHistory Answered(double days = 0, double hours = 0, bool correct = true) =>
        new(1, Now - TimeSpan.FromDays(days) - TimeSpan.FromHours(hours), correct, !correct);

    private static string DomainOf(string questionId) => questionId[..questionId.LastIndexOf('-')];
}

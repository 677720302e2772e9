using CertPrep.Domain.Adaptive;

namespace CertPrep.Domain.Tests.Adaptive;

public sealed class NextItemSelectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, double> Weights = new(StringComparer.Ordinal) { ["demand"] = 0.5, ["inventory"] = 0.3, ["quality"] = 0.2 };

    [Fact]
    public void ForPractice_ChoosesTheItemNearestTheTarget_InTheDomainWithTheLargestNeed()
    {
        var pool = Pool();
        var learner = LearnerAbilities.New();
        for (var i = 0; i < 20; i++)
        {
            learner = learner.Update("demand", new ItemParameters(1, 0, 0.25), correct: true, Now).Update("quality", new ItemParameters(1, 0, 0.25), correct: true, Now);
        }

        learner = learner.Update("inventory", new ItemParameters(1, 0, 0.25), correct: false, Now);
        var request = new SelectionRequest(Weights, new Dictionary<string, int>(), new HashSet<string>(), Randomesque: 1);

        var selection = NextItemSelector.ForPractice(learner, pool, request, Now, new Random(1), d => d == "inventory" ? "Inventory" : d)!;

        selection.Item.Domain.ShouldBe("inventory");
        var theta = learner.Domain("inventory", Now).Mean;
        var best = pool.Where(i => i.Domain == "inventory").MinBy(i => Math.Abs(i.Parameters.Probability(theta) - 0.70));
        selection.Item.ShouldBe(best);
        selection.Reason.ShouldStartWith("weakest domain: Inventory");
    }

    [Fact]
    public void ForPractice_NeverGivesAnExcludedItem_AndSpreadsChoicesAmongTheBestFive()
    {
        var pool = Pool();
        var excluded = pool.Where(i => i.Domain == "demand").Take(10).Select(i => i.Id).ToHashSet();
        var request = new SelectionRequest(Weights, new Dictionary<string, int>(), excluded);
        var chosen = new HashSet<string>();
        for (var seed = 0; seed < 200; seed++)
        {
            var selection = NextItemSelector.ForPractice(LearnerAbilities.New(), pool, request, Now, new Random(seed))!;
            excluded.ShouldNotContain(selection.Item.Id);
            chosen.Add(selection.Item.Id);
        }

        chosen.Count.ShouldBeInRange(2, 5, "randomesque: at random among the five best");
    }

    [Fact]
    public void ForPractice_KeepsToTheBlueprint_WithKingsburyZaraBalancing()
    {
        var pool = Pool();
        var given = new Dictionary<string, int>(StringComparer.Ordinal) { ["demand"] = 0, ["inventory"] = 5, ["quality"] = 5 };
        var request = new SelectionRequest(Weights, given, new HashSet<string>());

        var selection = NextItemSelector.ForPractice(LearnerAbilities.New(), pool, request, Now, new Random(3))!;

        selection.Item.Domain.ShouldBe("demand", "demand is 50% of the blueprint and has had none of the 10 items");
    }

    [Fact]
    public void ForDiagnostic_ChoosesTheMostInformativeItem_InTheLeastCertainDomain()
    {
        var pool = Pool();
        var learner = LearnerAbilities.New();
        for (var i = 0; i < 8; i++)
        {
            learner = learner.Update("demand", new ItemParameters(1, 0, 0.25), i % 2 == 0, Now).Update("inventory", new ItemParameters(1, 0, 0.25), i % 2 == 1, Now);
        }

        var request = new SelectionRequest(Weights, new Dictionary<string, int>(), new HashSet<string>(), Randomesque: 1);

        var selection = NextItemSelector.ForDiagnostic(learner, pool, request, Now, new Random(1))!;

        selection.Item.Domain.ShouldBe("quality");
        var theta = learner.Domain("quality", Now).Mean;
        selection.Item.ShouldBe(pool.Where(i => i.Domain == "quality").MaxBy(i => i.Parameters.Information(theta)));
    }

    [Theory]
    [InlineData(30, 1.0, true)]
    [InlineData(10, 0.1, false)]
    [InlineData(20, 0.1, true)]
    [InlineData(20, 1.0, false)]
    public void DiagnosticDone_StopsAtTheMaximum_OrWhenEveryDomainIsPreciseEnough(int given, double sd, bool done)
    {
        var learner = new LearnerAbilities(
            new Ability(0, sd, given, Now),
            Weights.Keys.ToDictionary(d => d, _ => new Ability(0, sd, given, Now)));

        NextItemSelector.DiagnosticDone(learner, Weights.Keys, given, Now).ShouldBe(done);
    }

    [Fact]
    public void ForPractice_ReturnsNull_WhenEverythingIsExcluded()
    {
        var pool = Pool();
        var request = new SelectionRequest(Weights, new Dictionary<string, int>(), pool.Select(i => i.Id).ToHashSet());

        NextItemSelector.ForPractice(LearnerAbilities.New(), pool, request, Now, new Random(1)).ShouldBeNull();
    }

    internal static List<PoolItem> Pool(int perDomain = 40)
    {
        var random = new Random(11);
        return [.. Weights.Keys.SelectMany(d => Enumerable.Range(0, perDomain).Select(i =>
            new PoolItem($"{d}-{i:D3}", d, new ItemParameters(0.6 + (random.NextDouble() * 1.4), (random.NextDouble() * 5) - 2.5, i % 5 == 0 ? 0 : 0.25))))];
    }
}

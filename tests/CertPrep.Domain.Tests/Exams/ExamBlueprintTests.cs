using CertPrep.Domain.Exams;

namespace CertPrep.Domain.Tests.Exams;

public sealed class ExamBlueprintTests
{
    private static readonly FormLength[] AllLengths = [FormLength.Full, FormLength.Half, FormLength.Quarter];

    public static TheoryData<string> RealBlueprints => new(RealBlueprint.Names);

    [Fact]
    public void Constructor_Throws_WhenWeightsDoNotSumToOne()
    {
        Should.Throw<ArgumentException>(() => new ExamBlueprint(
            100, 0, 60, [new BlueprintDomain("a", 0.5), new BlueprintDomain("b", 0.4)]));
    }

    [Fact]
    public void Constructor_Throws_WhenDomainIdsRepeat()
    {
        Should.Throw<ArgumentException>(() => new ExamBlueprint(
            100, 0, 60, [new BlueprintDomain("a", 0.5), new BlueprintDomain("a", 0.5)]));
    }

    [Fact]
    public void FromPercents_Throws_WhenPercentsDoNotSumToHundred()
    {
        Should.Throw<ArgumentException>(() => ExamBlueprint.FromPercents(130, 20, 210, [new("a", 60.0), new("b", 30.0)]));
    }

    [Fact]
    public void FromItemCounts_UsesCountsAsWeights_WhenBuilt()
    {
        var blueprint = ExamBlueprint.FromItemCounts(10, 258, [new("a", 11), new("b", 20), new("c", 69)]);

        blueprint.ScoredItems.ShouldBe(100);
        blueprint.Domains.Select(d => d.Weight).ShouldBe([0.11, 0.20, 0.69], tolerance: 1e-12);
    }

    [Fact]
    public void PlanFor_ReproducesPublishedCounts_WhenFullCsSgbForm()
    {
        var plan = RealBlueprint.Create("ASQ CSSGB").PlanFor(FormLength.Full);

        plan.DomainItems.Select(d => d.Value).ShouldBe([11, 20, 20, 18, 16, 15]);
        plan.PretestItems.ShouldBe(10);
        plan.Minutes.ShouldBe(258);
    }

    [Theory]
    [InlineData(FormLength.Full, 130, 20, 210)]
    [InlineData(FormLength.Half, 65, 10, 105)]
    [InlineData(FormLength.Quarter, 33, 5, 54)]
    public void PlanFor_ScalesItemsAndKeepsPace_WhenAscmForm(FormLength length, int scored, int pretest, int minutes)
    {
        var plan = RealBlueprint.Create("ASCM CPIM").PlanFor(length);

        plan.ScoredItems.ShouldBe(scored);
        plan.PretestItems.ShouldBe(pretest);
        plan.Minutes.ShouldBe(minutes);
        plan.TotalItems.ShouldBe(scored + pretest);
    }

    [Fact]
    public void PlanFor_NeverGivesLessTimePerItemThanTheFullForm_WhenShortened()
    {
        foreach (var name in RealBlueprint.Names)
        {
            var blueprint = RealBlueprint.Create(name);
            var fullPace = (double)blueprint.Minutes / (blueprint.ScoredItems + blueprint.PretestItems);
            foreach (var length in AllLengths)
            {
                var plan = blueprint.PlanFor(length);
                ((double)plan.Minutes / plan.TotalItems).ShouldBeGreaterThanOrEqualTo(fullPace - 1e-12, $"{name} {length}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RealBlueprints))]
    public void PlanFor_KeepsEveryDomainWithinOneItemOfItsShare_WhenRealBlueprint(string name)
    {
        var blueprint = RealBlueprint.Create(name);

        foreach (var length in AllLengths)
        {
            AssertWithinOneItem(blueprint, blueprint.PlanFor(length));
        }
    }

    [Fact]
    public void PlanFor_KeepsEveryDomainWithinOneItemOfItsShare_WhenManyRandomBlueprints()
    {
        var random = new Random(20261122);

        for (var trial = 0; trial < 2_000; trial++)
        {
            var blueprint = RandomBlueprint(random);
            foreach (var length in AllLengths)
            {
                AssertWithinOneItem(blueprint, blueprint.PlanFor(length));
            }
        }
    }

    [Fact]
    public void Apportion_KeepsEveryDomainWithinOneItem_WhenAnyTotalFromZeroToTwoHundred()
    {
        var random = new Random(7);

        for (var trial = 0; trial < 200; trial++)
        {
            var blueprint = RandomBlueprint(random);
            for (var total = 0; total <= 200; total++)
            {
                var counts = blueprint.Apportion(total);
                counts.Sum(c => c.Value).ShouldBe(total);
                for (var i = 0; i < counts.Count; i++)
                {
                    Math.Abs(counts[i].Value - (blueprint.Domains[i].Weight * total)).ShouldBeLessThan(1.0);
                }
            }
        }
    }

    [Fact]
    public void Apportion_GivesLeftoverToLargestRemainder_WhenThreeEqualDomainsAndTenItems()
    {
        var blueprint = new ExamBlueprint(
            10, 0, 10, [new BlueprintDomain("a", 0.3), new BlueprintDomain("b", 0.3), new BlueprintDomain("c", 0.4)]);

        blueprint.Apportion(11).Select(c => c.Value).ShouldBe([3, 3, 5]);
    }

    private static void AssertWithinOneItem(ExamBlueprint blueprint, FormPlan plan)
    {
        plan.DomainItems.Sum(d => d.Value).ShouldBe(plan.ScoredItems);
        plan.DomainItems.Select(d => d.Key).ShouldBe(blueprint.Domains.Select(d => d.Id));
        for (var i = 0; i < plan.DomainItems.Count; i++)
        {
            var exact = blueprint.Domains[i].Weight * plan.ScoredItems;
            Math.Abs(plan.DomainItems[i].Value - exact).ShouldBeLessThan(1.0, $"{plan.Length} domain {i}");
        }
    }

    private static ExamBlueprint RandomBlueprint(Random random)
    {
        var domainCount = random.Next(1, 13);
        var raw = Enumerable.Range(0, domainCount).Select(_ => 0.01 + random.NextDouble()).ToList();
        var sum = raw.Sum();
        var domains = raw.Select((w, i) => new BlueprintDomain($"d{i}", w / sum)).ToList();
        return new ExamBlueprint(random.Next(1, 251), random.Next(0, 31), random.Next(10, 300), domains);
    }
}

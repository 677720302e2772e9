using CertPrep.Domain.Exams;

namespace CertPrep.Domain.Tests.Exams;

public sealed class FormAssemblerTests
{
    public static TheoryData<string, FormLength> RealBlueprintsAndLengths
    {
        get
        {
            var data = new TheoryData<string, FormLength>();
            foreach (var name in RealBlueprint.Names)
            {
                foreach (var length in Enum.GetValues<FormLength>())
                {
                    data.Add(name, length);
                }
            }

            return data;
        }
    }

    [Fact]
    public void Assemble_MeetsThePlan_WhenPoolIsLargeEnough()
    {
        var blueprint = RealBlueprint.Create("ASQ CSSGB");
        var pool = Pool.PerDomain(blueprint, perDomain: 40);

        var form = FormAssembler.Assemble(blueprint, FormLength.Full, pool, seed: 1);

        form.IsComplete.ShouldBeTrue();
        form.Items.Count.ShouldBe(110);
        form.Items.Count(i => i.IsPretest).ShouldBe(10);
        form.Domains.Select(d => d.Actual).ShouldBe([11, 20, 20, 18, 16, 15]);
        form.TimeLimitMinutes.ShouldBe(258);
        form.Seed.ShouldBe(1);
        foreach (var allocation in form.Domains)
        {
            form.Items.Count(i => !i.IsPretest && i.DomainId == allocation.DomainId).ShouldBe(allocation.Actual);
        }
    }

    [Theory]
    [InlineData(FormLength.Full)]
    [InlineData(FormLength.Half)]
    [InlineData(FormLength.Quarter)]
    public void Assemble_NeverRepeatsAnItem_WhenAnyLength(FormLength length)
    {
        var blueprint = RealBlueprint.Create("ASCM CPIM");
        var pool = Pool.PerDomain(blueprint, perDomain: 30);

        var form = FormAssembler.Assemble(blueprint, length, pool, seed: 42);

        form.Items.Select(i => i.ItemId).Distinct().Count().ShouldBe(form.Items.Count);
        form.Items.Count.ShouldBe(blueprint.PlanFor(length).TotalItems);
    }

    [Theory]
    [MemberData(nameof(RealBlueprintsAndLengths))]
    public void Assemble_KeepsEveryDomainWithinOneItemOfItsShare_WhenPoolIsLargeEnough(string blueprintName, FormLength length)
    {
        var blueprint = RealBlueprint.Create(blueprintName);
        var plan = blueprint.PlanFor(length);
        // Every domain alone could fill the whole form, so neither a domain nor the pretest section can run short.
        var pool = Pool.PerDomain(blueprint, perDomain: plan.TotalItems);

        foreach (var seed in new[] { 1, 2, 3 })
        {
            var form = FormAssembler.Assemble(blueprint, length, pool, seed);

            form.IsComplete.ShouldBeTrue();
            form.Items.Select(i => i.ItemId).Distinct().Count().ShouldBe(form.Items.Count);
            form.ActualPretestItems.ShouldBe(plan.PretestItems);
            form.Items.Count(i => i.IsPretest).ShouldBe(plan.PretestItems);
            form.Items.Count(i => !i.IsPretest).ShouldBe(plan.ScoredItems);
            foreach (var domain in blueprint.Domains)
            {
                var scored = form.Items.Count(i => !i.IsPretest && i.DomainId == domain.Id);
                Math.Abs(scored - (domain.Weight * plan.ScoredItems)).ShouldBeLessThan(1.0, $"{domain.Id}, seed {seed}");
            }
        }
    }

    [Fact]
    public void Assemble_ReturnsTheSameForm_WhenSameSeedAndPoolInAnotherOrder()
    {
        var blueprint = RealBlueprint.Create("ASQ CSSBB");
        var pool = Pool.PerDomain(blueprint, perDomain: 40);
        var reversed = pool.AsEnumerable().Reverse().ToList();

        var first = FormAssembler.Assemble(blueprint, FormLength.Half, pool, seed: 99);
        var second = FormAssembler.Assemble(blueprint, FormLength.Half, reversed, seed: 99);

        second.Items.ShouldBe(first.Items);
    }

    [Fact]
    public void Assemble_ReturnsDifferentOrders_WhenSeedsDiffer()
    {
        var blueprint = RealBlueprint.Create("ASQ CSSBB");
        var pool = Pool.PerDomain(blueprint, perDomain: 40);

        var first = FormAssembler.Assemble(blueprint, FormLength.Half, pool, seed: 1);
        var second = FormAssembler.Assemble(blueprint, FormLength.Half, pool, seed: 2);

        second.Items.Select(i => i.ItemId).ShouldNotBe(first.Items.Select(i => i.ItemId));
    }

    [Fact]
    public void Assemble_ReportsShortfall_WhenADomainPoolIsTooSmall()
    {
        var blueprint = ExamBlueprint.FromItemCounts(2, 60, [new("a", 10), new("b", 10)]);
        var pool = Pool.Items("a", 10).Concat(Pool.Items("b", 4)).Concat(Pool.Items("x", 5)).ToList();

        var form = FormAssembler.Assemble(blueprint, FormLength.Full, pool, seed: 3);

        form.Domains.ShouldBe([new DomainAllocation("a", 10, 10), new DomainAllocation("b", 10, 4)]);
        form.Domains[1].Shortfall.ShouldBe(6);
        form.IsComplete.ShouldBeFalse();
        form.ActualPretestItems.ShouldBe(2);
    }

    [Fact]
    public void Assemble_ReportsPretestShortfall_WhenNoCandidatesRemain()
    {
        var blueprint = ExamBlueprint.FromItemCounts(5, 60, [new("a", 10)]);

        var form = FormAssembler.Assemble(blueprint, FormLength.Full, Pool.Items("a", 12), seed: 3);

        form.ActualPretestItems.ShouldBe(2);
        form.PretestShortfall.ShouldBe(3);
    }

    [Fact]
    public void Assemble_CountsASharedItemOnce_WhenItServesTwoDomains()
    {
        var blueprint = ExamBlueprint.FromItemCounts(0, 10, [new("a", 1), new("b", 1)]);
        CandidateItem[] pool = [new("shared", ["a", "b"], Difficulty.Medium)];

        var form = FormAssembler.Assemble(blueprint, FormLength.Full, pool, seed: 5);

        form.Items.ShouldHaveSingleItem().DomainId.ShouldBe("a");
        form.Domains.ShouldBe([new DomainAllocation("a", 1, 1), new DomainAllocation("b", 1, 0)]);
    }

    [Fact]
    public void Assemble_HitsTheTargetMixWithinOneItem_WhenEveryDifficultyIsPlentiful()
    {
        var blueprint = RealBlueprint.Create("ASQ CSSBB");
        var pool = Pool.PerDomain(blueprint, perDomain: 60);

        var form = FormAssembler.Assemble(blueprint, FormLength.Full, pool, seed: 8, DifficultyMix.Standard);

        foreach (var allocation in form.Domains)
        {
            var drawn = form.Items.Where(i => !i.IsPretest && i.DomainId == allocation.DomainId).ToList();
            Math.Abs(drawn.Count(i => i.Difficulty == Difficulty.Easy) - (0.25 * drawn.Count)).ShouldBeLessThan(1.0);
            Math.Abs(drawn.Count(i => i.Difficulty == Difficulty.Medium) - (0.50 * drawn.Count)).ShouldBeLessThan(1.0);
            Math.Abs(drawn.Count(i => i.Difficulty == Difficulty.Hard) - (0.25 * drawn.Count)).ShouldBeLessThan(1.0);
        }
    }

    [Fact]
    public void Assemble_FollowsThePoolMix_WhenNoTargetIsGiven()
    {
        var blueprint = ExamBlueprint.FromItemCounts(0, 30, [new("a", 10)]);
        var pool = Pool.Items("a", 40, Difficulty.Easy).Concat(Pool.Items("a", 60, Difficulty.Hard, start: 40)).ToList();

        var form = FormAssembler.Assemble(blueprint, FormLength.Full, pool, seed: 11);

        form.Items.Count(i => i.Difficulty == Difficulty.Easy).ShouldBe(4);
        form.Items.Count(i => i.Difficulty == Difficulty.Hard).ShouldBe(6);
    }

    [Fact]
    public void Assemble_FillsFromOtherDifficulties_WhenOneRunsShort()
    {
        var blueprint = ExamBlueprint.FromItemCounts(0, 30, [new("a", 8)]);
        var pool = Pool.Items("a", 1, Difficulty.Easy).Concat(Pool.Items("a", 20, Difficulty.Medium, start: 1)).ToList();

        var form = FormAssembler.Assemble(blueprint, FormLength.Full, pool, seed: 4, DifficultyMix.Standard);

        form.IsComplete.ShouldBeTrue();
        form.Items.Count(i => i.Difficulty == Difficulty.Easy).ShouldBe(1);
        form.Items.Count(i => i.Difficulty == Difficulty.Medium).ShouldBe(7);
    }

    [Fact]
    public void Assemble_PlacesPretestItemsAtEveryPosition_WhenManySeeds()
    {
        var blueprint = ExamBlueprint.FromItemCounts(2, 10, [new("a", 4), new("b", 4)]);
        var pool = Pool.PerDomain(blueprint, perDomain: 10);
        var pretestSeenAt = new bool[10];

        for (var seed = 0; seed < 500; seed++)
        {
            var form = FormAssembler.Assemble(blueprint, FormLength.Full, pool, seed);
            for (var position = 0; position < form.Items.Count; position++)
            {
                pretestSeenAt[position] |= form.Items[position].IsPretest;
            }
        }

        pretestSeenAt.ShouldAllBe(seen => seen);
    }

    [Fact]
    public void Assemble_Throws_WhenPoolHasDuplicateIds()
    {
        var blueprint = ExamBlueprint.FromItemCounts(0, 10, [new("a", 1)]);
        CandidateItem[] pool = [new("q", ["a"], Difficulty.Easy), new("q", ["a"], Difficulty.Hard)];

        Should.Throw<ArgumentException>(() => FormAssembler.Assemble(blueprint, FormLength.Full, pool, seed: 1));
    }

    private static class Pool
    {
        private static readonly Difficulty[] Cycle = [Difficulty.Easy, Difficulty.Medium, Difficulty.Medium, Difficulty.Hard];

        public static List<CandidateItem> PerDomain(ExamBlueprint blueprint, int perDomain) =>
            blueprint.Domains
                .SelectMany(d => Enumerable.Range(0, perDomain)
                    .Select(i => new CandidateItem($"{d.Id}-{i:D3}", [d.Id], Cycle[i % Cycle.Length])))
                .ToList();

        public static IEnumerable<CandidateItem> Items(string domain, int count, Difficulty difficulty = Difficulty.Medium, int start = 0) =>
            Enumerable.Range(start, count).Select(i => new CandidateItem($"{domain}-{i:D3}", [domain], difficulty));
    }
}

using CertPrep.Domain.Adaptive;

namespace CertPrep.Domain.Tests.Adaptive;

public sealed class ReadinessTests
{
    private static readonly Dictionary<string, double> Weights = new(StringComparer.Ordinal) { ["strategy"] = 0.55, ["inventory"] = 0.40, ["distribution"] = 0.05 };

    [Fact]
    public void Compute_WithholdsTheNumbers_AndSaysWhatIsMissing_UntilEveryDomainOf10PercentHas10Answers()
    {
        var mastery = new Dictionary<string, Mastery>(StringComparer.Ordinal)
        {
            ["strategy"] = new(0.8, 0.7, 0.9, 25),
            ["inventory"] = new(0.6, 0.4, 0.8, 4),
            ["distribution"] = new(0.5, 0.2, 0.8, 0),
        };

        var readiness = Readiness.Compute(mastery, Weights, cutShare: 0.7, mockExams: 0, domainName: d => d == "inventory" ? "Inventory" : d);

        readiness.HasEnoughEvidence.ShouldBeFalse();
        readiness.Missing.ShouldBe(["Inventory: 4 of 10 answers"], "distribution weighs under 10%");
        Readiness.Compute(mastery, Weights, 0.7, mockExams: 1).HasEnoughEvidence.ShouldBeTrue("one mock exam is enough evidence");
    }

    [Fact]
    public void Compute_GivesTheWeightedShare_AnInterval_AndEvenPassOddsAtTheCut()
    {
        var mastery = Weights.Keys.ToDictionary(d => d, _ => new Mastery(0.7, 0.6, 0.8, 30), StringComparer.Ordinal);

        var readiness = Readiness.Compute(mastery, Weights, cutShare: 0.7, mockExams: 0);

        readiness.HasEnoughEvidence.ShouldBeTrue();
        readiness.ExpectedShare.ShouldBe(0.7, 1e-9);
        readiness.PassProbability.ShouldBe(0.5, 1e-6);
        readiness.Low.ShouldBeLessThan(0.7);
        readiness.High.ShouldBeGreaterThan(0.7);
        // Independent domains: SD = sqrt(Σ w² sd²) with sd = 0.2 / (2 × 1.2816) per domain.
        var sd = 0.1 / 1.2815515655446004 * Math.Sqrt(Weights.Values.Sum(w => w * w));
        (readiness.High - readiness.ExpectedShare).ShouldBe(1.2815515655446004 * sd, 1e-9);
    }

    [Fact]
    public void Compute_NamesTheDomainThatMovesTheProjectionMost()
    {
        var mastery = new Dictionary<string, Mastery>(StringComparer.Ordinal)
        {
            ["strategy"] = new(0.85, 0.8, 0.9, 40),
            ["inventory"] = new(0.55, 0.45, 0.65, 40),
            ["distribution"] = new(0.5, 0.3, 0.7, 40),
        };

        var readiness = Readiness.Compute(mastery, Weights, 0.7, 0, domainName: d => d == "inventory" ? "Inventory" : d);

        readiness.BiggestLever.ShouldBe("Inventory is 40% of the exam: improving it moves the projection most.");
        readiness.PassProbability.ShouldBeGreaterThan(0.5);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1.6448536, 0.95)]
    [InlineData(-1.2815516, 0.10)]
    public void NormalCdf_MatchesTabulatedValues(double z, double p)
    {
        Readiness.NormalCdf(z).ShouldBe(p, 2e-7);
    }

    [Fact]
    public void Mastery_IsThePredictedShareCorrect_WithAnIntervalThatNarrowsWithEvidence()
    {
        var items = NextItemSelectorTests.Pool().Where(i => i.Domain == "inventory").ToList();

        var vague = Mastery.Of(new Ability(0.5, 1.0, 2, null), items);
        var sharp = Mastery.Of(new Ability(0.5, 0.2, 60, null), items);

        sharp.Share.ShouldBe(NextItemSelector.Share(items, 0.5), 0.01);
        (sharp.High - sharp.Low).ShouldBeLessThan(vague.High - vague.Low);
        vague.Low.ShouldBeLessThan(vague.Share);
        vague.High.ShouldBeGreaterThan(vague.Share);
    }
}

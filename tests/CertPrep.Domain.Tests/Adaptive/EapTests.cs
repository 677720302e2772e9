using CertPrep.Domain.Adaptive;

namespace CertPrep.Domain.Tests.Adaptive;

public sealed class EapTests
{
    [Fact]
    public void Update_GivesTheHandComputedPosteriorMean_WhenARaschItemAtZeroIsAnsweredRight()
    {
        // Prior N(0,1), P = σ(θ): the posterior mean is E[θσ(θ)] / E[σ(θ)] = E[σ'(θ)] / 0.5 (Stein's lemma)
        // = 2 E[σ(θ)(1 − σ(θ))] = 2 × 0.206621 = 0.413242.
        var (mean, _) = Eap.Update(0, 1, new ItemParameters(1, 0, 0), correct: true);

        mean.ShouldBe(0.41324, 0.002);
    }

    [Theory]
    [InlineData(new[] { true, true, false, true, false, true, true, true })]
    [InlineData(new[] { true, true, true, true, true, true, true, true, true, true })]
    [InlineData(new[] { false, false, false, false, false })]
    public void Estimate_MatchesAFineGridReference_OnFixedPatterns(bool[] pattern)
    {
        var items = pattern.Select((u, i) => (new ItemParameters(0.8 + (0.1 * i), -1.5 + (0.35 * i), i % 2 == 0 ? 0.25 : 0), u)).ToList();

        var (mean, sd) = Eap.Estimate(0, 1, items);

        var (refMean, refSd) = Reference(items);
        mean.ShouldBe(refMean, 0.005);
        sd.ShouldBe(refSd, 0.005);
        double.IsFinite(mean).ShouldBeTrue("EAP stays finite for all-right and all-wrong patterns");
    }

    [Fact]
    public void Update_AnswerByAnswer_StaysCloseToTheWholePatternEstimate()
    {
        var random = new Random(7);
        var items = Enumerable.Range(0, 25).Select(i => (new ItemParameters(0.7 + random.NextDouble(), (random.NextDouble() * 4) - 2, 0.2), random.NextDouble() < 0.6)).ToList();
        double mean = 0, sd = 1;
        foreach (var (item, correct) in items)
        {
            (mean, sd) = Eap.Update(mean, sd, item, correct);
        }

        var (batchMean, batchSd) = Eap.Estimate(0, 1, items);
        mean.ShouldBe(batchMean, 0.05);
        sd.ShouldBe(batchSd, 0.03);
    }

    [Fact]
    public void Information_IsTheSquaredSlopeOverPQ_ForThe3plModel()
    {
        var item = new ItemParameters(1.4, 0.3, 0.2);
        foreach (var theta in new[] { -2.0, 0.0, 0.3, 1.7 })
        {
            const double h = 1e-5;
            var slope = (item.Probability(theta + h) - item.Probability(theta - h)) / (2 * h);
            var p = item.Probability(theta);
            item.Information(theta).ShouldBe(slope * slope / (p * (1 - p)), 1e-6);
        }

        new ItemParameters(1, 0, 0.25).Probability(0).ShouldBe(0.625, 1e-12);
    }

    [Theory]
    [InlineData(4, 0.25)]
    [InlineData(5, 0.2)]
    [InlineData(0, 0)]
    [InlineData(2, 0.5)]
    public void Prior_TakesTheGuessingFloorFromTheOptions(int options, double c)
    {
        ItemParameters.Prior(Domain.Exams.Difficulty.Hard, options).ShouldBe(new ItemParameters(1, 1, c));
    }

    private static (double Mean, double Sd) Reference(IReadOnlyList<(ItemParameters Item, bool Correct)> items)
    {
        double total = 0, sum = 0, squares = 0;
        for (var i = 0; i <= 8000; i++)
        {
            var theta = -6 + (12.0 * i / 8000);
            var w = Math.Exp(-0.5 * theta * theta);
            foreach (var (item, correct) in items)
            {
                var p = item.Probability(theta);
                w *= correct ? p : 1 - p;
            }

            total += w;
            sum += w * theta;
            squares += w * theta * theta;
        }

        var mean = sum / total;
        return (mean, Math.Sqrt((squares / total) - (mean * mean)));
    }
}

using CertPrep.Domain.Adaptive;
using CertPrep.Domain.Exams;

namespace CertPrep.Domain.Tests.Adaptive;

public sealed class ItemStatisticsTests
{
    [Fact]
    public void Compute_GivesTheHandComputedStatistics_OnASmallDataSet()
    {
        // Five answers; option 1 is the key. Rest scores rise with being right.
        ItemAnswer R(bool correct, int option, double rest, double? seconds = null) => new(correct, [option], seconds, rest);
        var responses = new[] { R(true, 1, 0.9, 30), R(true, 1, 0.8, 50), R(false, 0, 0.4), R(true, 1, 0.7, 40), R(false, 2, 0.3) };

        var stats = ItemStatistics.Compute(responses, options: 4, keys: [1], Difficulty.Medium);

        stats.Responses.ShouldBe(5);
        stats.PValue.ShouldBe(0.6);
        stats.OptionShares.ShouldBe([0.2, 0.6, 0.2, 0.0]);
        stats.AverageSeconds.ShouldBe(40);
        // x = 1,1,0,1,0 (mean 0.6); y = .9,.8,.4,.7,.3 (mean 0.62): Sxy = 0.54, Sxx = 1.2, Syy = 0.268.
        stats.PointBiserial!.Value.ShouldBe(0.54 / Math.Sqrt(1.2 * 0.268), 1e-9);
        stats.Flags.ShouldBe([ItemFlag.SmallSample]);
    }

    [Fact]
    public void Compute_FlagsANegativeDiscrimination_AnUnusedDistractor_AndAWrongDifficulty()
    {
        var responses = Enumerable.Range(0, 40).Select(i => new ItemAnswer(i % 10 != 0, [i % 10 != 0 ? 0 : 1], null, i % 10 != 0 ? 0.3 : 0.9)).ToList();

        var stats = ItemStatistics.Compute(responses, options: 4, keys: [0], Difficulty.Hard);

        stats.Flags.ShouldContain(ItemFlag.NegativeDiscrimination);
        stats.Flags.ShouldContain(ItemFlag.UnusedDistractor);
        stats.Flags.ShouldContain(ItemFlag.EasierThanStated);
        stats.Flags.ShouldNotContain(ItemFlag.SmallSample);
    }

    [Fact]
    public void Kr20_MatchesTheHandComputedValue()
    {
        // Four attempts on three items: totals 3, 2, 1, 0 (mean 1.5, variance 1.25);
        // p = .75, .5, .25: Σpq = .1875 + .25 + .1875 = .625; KR-20 = 3/2 × (1 − .625/1.25) = 0.75.
        IReadOnlyList<IReadOnlyList<bool>> attempts = [[true, true, true], [true, true, false], [true, false, false], [false, false, false]];

        ItemStatistics.Kr20(attempts)!.Value.ShouldBe(0.75, 1e-12);
        ItemStatistics.Kr20([[true, false]]).ShouldBeNull();
    }
}

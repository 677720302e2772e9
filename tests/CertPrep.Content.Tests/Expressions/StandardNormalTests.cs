using CertPrep.Content.Expressions;

namespace CertPrep.Content.Tests.Expressions;

public sealed class StandardNormalTests
{
    // Reference values computed with 40-digit arithmetic (mpmath).
    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.95, 1.6448536269514722)]
    [InlineData(0.999, 3.090232306167813)]
    [InlineData(0.01, -2.3263478740408408)]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(0.9, 1.2815515655446006)]
    [InlineData(0.1, -1.2815515655446004)]
    [InlineData(0.05, -1.6448536269514727)]
    [InlineData(1e-5, -4.2648907939228246)]
    [InlineData(0.02425, -1.9729610513118848)]
    public void Quantile_MatchesReferenceWithin1e9_WhenProbabilityIsKnown(double p, double expected)
    {
        var z = StandardNormal.Quantile(p);

        z.ShouldBe(expected, 1e-9);
    }

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.95, 1.6448536269514722)]
    [InlineData(0.999, 3.090232306167813)]
    [InlineData(0.01, -2.3263478740408408)]
    [InlineData(1e-10, -6.361340902404056)]
    public void Evaluate_NormsinvMatchesReferenceWithin1e9_WhenProbabilityIsKnown(double p, double expected)
    {
        var expression = Expression.Parse("normsinv(p)");

        var z = expression.Evaluate(new Dictionary<string, double> { ["p"] = p });

        z.ShouldBe(expected, 1e-9);
    }

    [Fact]
    public void Quantile_IsAntisymmetric_WhenProbabilityIsMirrored()
    {
        // Below about 1e-7 the rounding of 1 - p alone moves the quantile by more than 1e-9.
        foreach (var p in Probabilities().Where(p => p >= 1e-7))
        {
            var lower = StandardNormal.Quantile(p);
            var upper = StandardNormal.Quantile(1 - p);

            upper.ShouldBe(-lower, 1e-9, $"p = {p:R}");
        }
    }

    [Fact]
    public void Cdf_InvertsQuantile_WhenProbabilityIsAnywhereInTheRange()
    {
        foreach (var p in Probabilities())
        {
            var lower = StandardNormal.Cdf(StandardNormal.Quantile(p));

            // Relative in the lower tail, where Cdf itself is only good to about z²·1e-16.
            (Math.Abs(lower - p) / p).ShouldBeLessThan(1e-11, $"p = {p:R}");
            if (1 - p < 1)
            {
                StandardNormal.Cdf(StandardNormal.Quantile(1 - p)).ShouldBe(1 - p, 1e-15, $"p = {p:R}");
            }
        }
    }

    [Fact]
    public void Quantile_IsStrictlyIncreasing_WhenProbabilityIncreases()
    {
        var previous = double.NegativeInfinity;
        for (var i = 1; i < 10_000; i++)
        {
            var z = StandardNormal.Quantile(i / 10_000.0);

            z.ShouldBeGreaterThan(previous);
            previous = z;
        }
    }

    [Fact]
    public void Quantile_StaysFinite_WhenProbabilityIsTheSmallestDouble()
    {
        var z = StandardNormal.Quantile(double.Epsilon);

        z.ShouldBe(-38.467405617144346, 1e-6);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Quantile_Throws_WhenProbabilityIsOutsideTheOpenUnitInterval(double p) =>
        Should.Throw<ArgumentOutOfRangeException>(() => StandardNormal.Quantile(p));

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.96, 0.9750021048517795)]
    [InlineData(-1.0, 0.15865525393145705)]
    [InlineData(1.0, 0.84134474606854295)]
    [InlineData(3.0, 0.99865010196836991)]
    [InlineData(-3.0, 0.0013498980316300945)]
    [InlineData(8.0, 0.99999999999999938)]
    [InlineData(40.0, 1.0)]
    public void Cdf_MatchesReferenceWithin1e15_WhenZIsKnown(double z, double expected)
    {
        var p = StandardNormal.Cdf(z);

        p.ShouldBe(expected, 1e-15);
    }

    [Theory]
    [InlineData(-5.0, 2.8665157187919391e-7)]
    [InlineData(-10.0, 7.6198530241605261e-24)]
    [InlineData(-20.0, 2.7536241186062337e-89)]
    public void Cdf_IsRelativelyAccurate_WhenZIsFarInTheLowerTail(double z, double expected)
    {
        var p = StandardNormal.Cdf(z);

        (Math.Abs(p - expected) / expected).ShouldBeLessThan(1e-13);
    }

    [Fact]
    public void Cdf_IsZero_WhenZIsBeyondTheDoubleRange() => StandardNormal.Cdf(-40).ShouldBe(0);

    [Fact]
    public void Evaluate_NormsdistMatchesReference_WhenZIs196()
    {
        var p = Expression.Parse("normsdist(1.96)").Evaluate(new Dictionary<string, double>());

        p.ShouldBe(0.9750021048517795, 1e-15);
    }

    /// <summary>Probabilities from 1e-300 to 0.5 (log-spaced, then linear), each also mirrored by the tests above.</summary>
    private static IEnumerable<double> Probabilities()
    {
        for (var exponent = -300.0; exponent < -1; exponent += 0.25)
        {
            yield return Math.Pow(10, exponent);
        }

        for (var p = 0.01; p <= 0.5; p += 0.0025)
        {
            yield return p;
        }
    }
}

using CertPrep.Domain.Adaptive;

namespace CertPrep.Domain.Tests.Adaptive;

public sealed class ItemCalibratorTests
{
    [Fact]
    public void Calibrate_StaysNearThePrior_WithFewResponses()
    {
        var prior = new ItemParameters(1, 0, 0.25);
        var responses = new List<(double, bool)> { (0.5, true), (-0.2, false), (1.0, true) };

        var fitted = ItemCalibrator.Calibrate(prior, responses);

        fitted.B.ShouldBe(0, 0.5);
        fitted.A.ShouldBe(1, 0.4);
        fitted.C.ShouldBe(0.25);
    }

    [Theory]
    [InlineData(1.6, 0.8, 0.25)]
    [InlineData(0.7, -1.2, 0.0)]
    [InlineData(1.2, 1.5, 0.2)]
    public void Calibrate_RecoversTheTrueParameters_FromManyResponses(double a, double b, double c)
    {
        var truth = new ItemParameters(a, b, c);
        var random = new Random(5);
        var responses = Enumerable.Range(0, 4000).Select(_ =>
        {
            var theta = Normal(random);
            return (theta, random.NextDouble() < truth.Probability(theta));
        }).ToList();

        var fitted = ItemCalibrator.Calibrate(new ItemParameters(1, 0, c), responses);

        fitted.A.ShouldBe(a, 0.25);
        fitted.B.ShouldBe(b, 0.2);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

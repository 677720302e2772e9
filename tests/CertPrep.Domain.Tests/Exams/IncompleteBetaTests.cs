using CertPrep.Domain.Exams;

namespace CertPrep.Domain.Tests.Exams;

public sealed class IncompleteBetaTests
{
    [Theory]
    [InlineData(0.5, 2, 3, 0.6875)]
    [InlineData(0.3, 5, 5, 0.09880866)]
    [InlineData(0.5, 1, 1, 0.5)]
    [InlineData(0.25, 1, 1, 0.25)]
    [InlineData(0.5, 10, 10, 0.5)]
    public void Regularized_MatchesKnownValues_WhenGivenTabulatedPoints(double x, double a, double b, double expected)
    {
        IncompleteBeta.Regularized(x, a, b).ShouldBe(expected, tolerance: 1e-8);
    }

    [Theory]
    [InlineData(0.7, 91, 41)]
    [InlineData(0.7, 2, 30)]
    [InlineData(0.55, 60, 50)]
    public void Regularized_EqualsTheBinomialTail_WhenShapesAreIntegers(double x, int a, int b)
    {
        // I_x(a, b) = P(Binomial(a + b - 1, x) >= a) for integer a and b.
        var n = a + b - 1;
        var tail = 0.0;
        for (var k = a; k <= n; k++)
        {
            tail += Math.Exp(LogChoose(n, k) + (k * Math.Log(x)) + ((n - k) * Math.Log(1 - x)));
        }

        IncompleteBeta.Regularized(x, a, b).ShouldBe(tail, tolerance: 1e-10);
    }

    [Fact]
    public void Regularized_SatisfiesTheReflection_WhenManyRandomArguments()
    {
        var random = new Random(31);

        for (var trial = 0; trial < 500; trial++)
        {
            var x = random.NextDouble();
            var a = 0.1 + (random.NextDouble() * 200);
            var b = 0.1 + (random.NextDouble() * 200);

            (IncompleteBeta.Regularized(x, a, b) + IncompleteBeta.Regularized(1 - x, b, a)).ShouldBe(1.0, tolerance: 1e-10);
        }
    }

    [Fact]
    public void Regularized_IsMonotoneInX_WhenShapesAreFixed()
    {
        var previous = 0.0;

        for (var step = 0; step <= 100; step++)
        {
            var value = IncompleteBeta.Regularized(step / 100.0, 7.5, 3.2);
            value.ShouldBeGreaterThanOrEqualTo(previous);
            previous = value;
        }

        previous.ShouldBe(1.0);
    }

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(5, 3.1780538303479458)]
    [InlineData(0.5, 0.5723649429247001)]
    [InlineData(100, 359.13420536957540)]
    public void LogGamma_MatchesKnownValues_WhenGivenTabulatedPoints(double x, double expected)
    {
        IncompleteBeta.LogGamma(x).ShouldBe(expected, tolerance: 1e-10);
    }

    [Theory]
    [InlineData(-0.1, 1, 1)]
    [InlineData(0.5, 0, 1)]
    [InlineData(0.5, 1, -2)]
    public void Regularized_Throws_WhenArgumentsAreOutOfRange(double x, double a, double b)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => IncompleteBeta.Regularized(x, a, b));
    }

    private static double LogChoose(int n, int k) =>
        IncompleteBeta.LogGamma(n + 1) - IncompleteBeta.LogGamma(k + 1) - IncompleteBeta.LogGamma(n - k + 1);
}

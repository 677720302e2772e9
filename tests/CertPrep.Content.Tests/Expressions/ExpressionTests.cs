using System.Globalization;
using CertPrep.Content.Expressions;

namespace CertPrep.Content.Tests.Expressions;

public sealed class ExpressionTests
{
    private static readonly Dictionary<string, double> NoVariables = [];

    [Theory]
    [InlineData("12", 12)]
    [InlineData("0.5", 0.5)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5)]
    [InlineData("007", 7)]
    [InlineData("1e6", 1e6)]
    [InlineData("2.5E-3", 0.0025)]
    [InlineData("1E+2", 100)]
    [InlineData(" \t 42 \n ", 42)]
    public void Evaluate_ReturnsTheNumber_WhenFormulaIsANumberLiteral(string text, double expected) =>
        Expression.Parse(text).Evaluate(NoVariables).ShouldBe(expected);

    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("100 / 10 / 5", 2)]
    [InlineData("8 / 2 * 4", 16)]
    [InlineData("2 * 3 + 4 * 5", 26)]
    [InlineData("2 ^ 3 ^ 2", 512)]
    [InlineData("(2 ^ 3) ^ 2", 64)]
    [InlineData("2 ^ 3 * 2", 16)]
    [InlineData("2 * 3 ^ 2", 18)]
    [InlineData("-2 ^ 2", -4)]
    [InlineData("(-2) ^ 2", 4)]
    [InlineData("2 ^ -1", 0.5)]
    [InlineData("-2 ^ -2", -0.25)]
    [InlineData("2 ^ -1 ^ 2", 0.5)]
    [InlineData("-3 ^ 2 * 2", -18)]
    [InlineData("2 * -3", -6)]
    [InlineData("1 - -1", 2)]
    [InlineData("--3", 3)]
    [InlineData("+-+3", -3)]
    [InlineData("-(1 + 2) * 3", -9)]
    [InlineData("2^3^0", 2)]
    [InlineData("((((7))))", 7)]
    public void Evaluate_FollowsPrecedenceAndAssociativity_WhenOperatorsAreMixed(string text, double expected) =>
        Expression.Parse(text).Evaluate(NoVariables).ShouldBe(expected, 1e-12);

    [Theory]
    [InlineData("sqrt(16)", 4)]
    [InlineData("sqrt(0)", 0)]
    [InlineData("ln(e)", 1)]
    [InlineData("ln(1)", 0)]
    [InlineData("log10(1000)", 3)]
    [InlineData("exp(0)", 1)]
    [InlineData("exp(1)", Math.E)]
    [InlineData("abs(-3.5)", 3.5)]
    [InlineData("abs(3.5)", 3.5)]
    [InlineData("min(7)", 7)]
    [InlineData("min(3, 1, 2)", 1)]
    [InlineData("max(3, 1, 2)", 3)]
    [InlineData("max(-1, -5)", -1)]
    [InlineData("round(2.4)", 2)]
    [InlineData("round(2.5)", 3)]
    [InlineData("round(-2.5)", -3)]
    [InlineData("round(0.5)", 1)]
    [InlineData("round(2.675, 2)", 2.68)]
    [InlineData("round(1.005, 2)", 1.01)]
    [InlineData("round(1234.5678, 1)", 1234.6)]
    [InlineData("round(123.456, 0)", 123)]
    [InlineData("round(0.1 + 0.2, 10)", 0.3)]
    [InlineData("round(1 / 3, 10)", 0.3333333333)]
    [InlineData("floor(2.7)", 2)]
    [InlineData("floor(-2.5)", -3)]
    [InlineData("ceil(2.1)", 3)]
    [InlineData("ceil(-2.5)", -2)]
    [InlineData("pow(2, 10)", 1024)]
    [InlineData("pow(-2, 3)", -8)]
    [InlineData("pow(9, 0.5)", 3)]
    [InlineData("normsinv(0.5)", 0)]
    [InlineData("normsdist(0)", 0.5)]
    [InlineData("pi", Math.PI)]
    [InlineData("e", Math.E)]
    [InlineData("2 * pi", 2 * Math.PI)]
    public void Evaluate_ComputesTheFunction_WhenArgumentIsInItsDomain(string text, double expected) =>
        Expression.Parse(text).Evaluate(NoVariables).ShouldBe(expected, 1e-12);

    [Fact]
    public void Evaluate_ReturnsPositiveZero_WhenResultIsNegativeZero()
    {
        var result = Expression.Parse("round(-0.4)").Evaluate(NoVariables);

        double.IsNegative(result).ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_ComputesEoq_WhenDemandSetupAndHoldingCostAreGiven()
    {
        var eoq = Expression.Parse("sqrt(2 * D * S / H)");

        var result = eoq.Evaluate(new Dictionary<string, double> { ["D"] = 1200, ["S"] = 50, ["H"] = 2.4 });

        result.ShouldBe(223.60679774997897, 1e-9);
    }

    [Fact]
    public void Evaluate_ComputesSafetyStock_WhenServiceLevelZIsAVariable()
    {
        var safetyStock = Expression.Parse("z * sigma_d * sqrt(L)");

        var result = safetyStock.Evaluate(new Dictionary<string, double>
        {
            ["z"] = 1.6448536269514722,
            ["sigma_d"] = 20,
            ["L"] = 4,
        });

        result.ShouldBe(65.79414507805889, 1e-9);
    }

    [Fact]
    public void Evaluate_ComputesSafetyStock_WhenServiceLevelIsTurnedIntoZByNormsinv()
    {
        var reorderPoint = Expression.Parse("d * L + normsinv(service) * sigma_d * sqrt(L)");

        var result = reorderPoint.Evaluate(new Dictionary<string, double>
        {
            ["d"] = 50,
            ["L"] = 4,
            ["service"] = 0.95,
            ["sigma_d"] = 20,
        });

        result.ShouldBe(200 + 65.79414507805889, 1e-9);
    }

    [Theory]
    [InlineData(10.5, 9.5, 10.1, 0.1, 4.0 / 3)]
    [InlineData(10.5, 9.5, 10.0, 0.1, 5.0 / 3)]
    [InlineData(10.5, 9.5, 9.8, 0.05, 2.0)]
    public void Evaluate_ComputesCpk_WhenProcessIsOffCentre(double usl, double lsl, double mean, double sigma, double expected)
    {
        var cpk = Expression.Parse("min((USL - mean) / (3 * sigma), (mean - LSL) / (3 * sigma))");

        var result = cpk.Evaluate(new Dictionary<string, double>
        {
            ["USL"] = usl,
            ["LSL"] = lsl,
            ["mean"] = mean,
            ["sigma"] = sigma,
        });

        result.ShouldBe(expected, 1e-9);
    }

    [Fact]
    public void Evaluate_ComputesDpmo_WhenDefectsUnitsAndOpportunitiesAreGiven()
    {
        var dpmo = Expression.Parse("1e6 * defects / (units * opportunities)");

        var result = dpmo.Evaluate(new Dictionary<string, double> { ["defects"] = 25, ["units"] = 500, ["opportunities"] = 10 });

        result.ShouldBe(5000, 1e-9);
    }

    [Fact]
    public void Evaluate_RoundsTheNumberOfOrders_WhenRoundHasZeroDigits()
    {
        var orders = Expression.Parse("round(D / Q, 0)");

        var result = orders.Evaluate(new Dictionary<string, double> { ["D"] = 1200, ["Q"] = 223.6 });

        result.ShouldBe(5);
    }

    [Fact]
    public void Evaluate_IgnoresTheSuppliedValue_WhenAVariableIsNamedLikeAConstant()
    {
        var expression = Expression.Parse("pi * r ^ 2");

        var area = expression.Evaluate(new Dictionary<string, double> { ["pi"] = 3, ["r"] = 2 });

        area.ShouldBe(4 * Math.PI, 1e-12);
    }

    [Fact]
    public void Evaluate_IgnoresExtraVariables_WhenMoreValuesAreSuppliedThanUsed() =>
        Expression.Parse("x + 1").Evaluate(new Dictionary<string, double> { ["x"] = 1, ["y"] = 5 }).ShouldBe(2);

    [Fact]
    public void Evaluate_SumsEveryVariable_WhenFormulaHasMoreVariablesThanFitOnTheStack()
    {
        var names = Enumerable.Range(0, 100).Select(i => $"v{i}").ToList();
        var expression = Expression.Parse(string.Join(" + ", names));

        var result = expression.Evaluate(names.ToDictionary(n => n, n => double.Parse(n[1..], CultureInfo.InvariantCulture)));

        expression.Variables.Count.ShouldBe(100);
        result.ShouldBe(4950);
    }

    [Fact]
    public void Evaluate_GivesTheSameResults_WhenCalledFromManyThreads()
    {
        var expression = Expression.Parse("sqrt(2 * D * S / H)");
        var results = new double[1_000];

        Parallel.For(0, results.Length, i =>
            results[i] = expression.Evaluate(new Dictionary<string, double> { ["D"] = i, ["S"] = 50, ["H"] = 2 }));

        for (var i = 0; i < results.Length; i++)
        {
            results[i].ShouldBe(Math.Sqrt(50.0 * i), 1e-9);
        }
    }

    [Fact]
    public void Evaluate_DoesNotAllocate_WhenFormulaIsEvaluatedRepeatedly()
    {
        var expression = Expression.Parse("min((USL - mean) / (3 * sigma), (mean - LSL) / (3 * sigma)) + normsinv(p) + round(x, 2)");
        var values = new Dictionary<string, double>
        {
            ["USL"] = 10.5, ["LSL"] = 9.5, ["mean"] = 10.1, ["sigma"] = 0.1, ["p"] = 0.9, ["x"] = 1.2345,
        };
        expression.Evaluate(values);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            expression.Evaluate(values);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void Variables_ListsEachReferencedName_WhenFormulaUsesVariablesConstantsAndFunctions()
    {
        var expression = Expression.Parse("z * sigma_d * sqrt(L) + pi * e + z + Pi");

        expression.Variables.OrderBy(v => v, StringComparer.Ordinal).ShouldBe(["L", "Pi", "sigma_d", "z"]);
    }

    [Fact]
    public void Variables_IsEmpty_WhenFormulaHasOnlyNumbersAndConstants() =>
        Expression.Parse("2 * pi * e").Variables.ShouldBeEmpty();

    [Fact]
    public void Variables_IsCaseSensitive_WhenNamesDifferOnlyInCase()
    {
        var expression = Expression.Parse("d + D");

        expression.Variables.Count.ShouldBe(2);
        expression.Variables.ShouldContain("d");
        expression.Variables.ShouldNotContain("x");
    }

    [Fact]
    public void Text_IsTheFormulaAsWritten_WhenParsed() =>
        Expression.Parse("  sqrt( 2*D*S/H )").Text.ShouldBe("  sqrt( 2*D*S/H )");

    [Theory]
    [InlineData("(1+2)*3", "(1 + 2) * 3")]
    [InlineData("1+(2*3)", "1 + 2 * 3")]
    [InlineData("1-(2-3)", "1 - (2 - 3)")]
    [InlineData("(1-2)-3", "1 - 2 - 3")]
    [InlineData("a/(b*c)", "a / (b * c)")]
    [InlineData("a*(b/c)", "a * (b / c)")]
    [InlineData("(2^3)^2", "(2 ^ 3) ^ 2")]
    [InlineData("2^(3^2)", "2 ^ 3 ^ 2")]
    [InlineData("(-2)^2", "(-2) ^ 2")]
    [InlineData("-(2^2)", "-2 ^ 2")]
    [InlineData("2^-x", "2 ^ -x")]
    [InlineData("-(a*b)", "-(a * b)")]
    [InlineData("-(-x)", "--x")]
    [InlineData("+x", "x")]
    [InlineData("sqrt( 2*D*S/H )", "sqrt(2 * D * S / H)")]
    [InlineData("min(a,b , c)", "min(a, b, c)")]
    [InlineData("1e6*pi", "1000000 * pi")]
    [InlineData(".5", "0.5")]
    [InlineData("1e20", "1E+20")]
    public void ToString_PrintsCanonicalFormWithOnlyNeededParentheses_WhenParsed(string text, string expected) =>
        Expression.Parse(text).ToString().ShouldBe(expected);

    [Theory]
    [InlineData("sqrt(2 * D * S / H)")]
    [InlineData("(USL - mean) / (3 * sigma)")]
    [InlineData("-x ^ -y ^ 2 / (a - -b) - 1e-7")]
    [InlineData("round(D / Q, 0) * pow(-x, 2)")]
    public void ToString_ParsesBackToTheSameFormula_WhenPrinted(string text)
    {
        var expression = Expression.Parse(text);

        var reparsed = Expression.Parse(expression.ToString());

        reparsed.ToString().ShouldBe(expression.ToString());
        reparsed.Variables.ShouldBe(expression.Variables, ignoreOrder: true);
    }

    [Fact]
    public void TryParse_ReturnsTheExpression_WhenFormulaIsValid()
    {
        var ok = Expression.TryParse("a + b", out var expression, out var error);

        ok.ShouldBeTrue();
        error.ShouldBeNull();
        expression.ShouldNotBeNull().Evaluate(new Dictionary<string, double> { ["a"] = 1, ["b"] = 2 }).ShouldBe(3);
    }

    [Fact]
    public void TryParse_ReturnsTheError_WhenFormulaIsInvalid()
    {
        var ok = Expression.TryParse("2 + * 3", out var expression, out var error);

        ok.ShouldBeFalse();
        expression.ShouldBeNull();
        error.ShouldNotBeNull().Position.ShouldBe(4);
    }

    [Fact]
    public void TryParse_ReportsAnEmptyFormula_WhenTextIsNull()
    {
        var ok = Expression.TryParse(null, out _, out var error);

        ok.ShouldBeFalse();
        error.ShouldNotBeNull().Message.ShouldContain("empty");
    }
}

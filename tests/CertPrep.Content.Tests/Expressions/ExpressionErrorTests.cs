using System.Text;
using CertPrep.Content.Expressions;

namespace CertPrep.Content.Tests.Expressions;

public sealed class ExpressionErrorTests
{
    [Theory]
    [InlineData("", 0, 0, "empty")]
    [InlineData("   ", 0, 0, "empty")]
    [InlineData("2 + * 3", 4, 1, "expected a number")]
    [InlineData("2 +", 3, 0, "ends after '+'")]
    [InlineData("2 3", 2, 1, "expected an operator")]
    [InlineData("2 (3)", 2, 1, "write '*' to multiply")]
    [InlineData("2x", 1, 1, "write '*' to multiply")]
    [InlineData("1.2.3", 3, 2, "at most one decimal point")]
    [InlineData("(1 + 2", 0, 1, "never closed")]
    [InlineData("((1 + 2)", 0, 1, "never closed")]
    [InlineData("sqrt(4", 4, 1, "never closed")]
    [InlineData("(1 + 2 3)", 7, 1, "expected ')'")]
    [InlineData("1 + 2)", 5, 1, "no '(' to close")]
    [InlineData("()", 1, 1, "expected a number")]
    [InlineData("2 # 3", 2, 1, "unexpected character '#'")]
    [InlineData("2 × 3", 2, 1, "unexpected character '×'")]
    [InlineData(". 5", 0, 1, "unexpected character '.'")]
    [InlineData("1,2", 1, 1, "expected an operator")]
    [InlineData("1e400", 0, 5, "too large")]
    [InlineData("sqrt(1, 2)", 0, 4, "sqrt takes 1 argument, but 2 were given")]
    [InlineData("sqrt()", 0, 4, "sqrt takes 1 argument, but none were given")]
    [InlineData("min()", 0, 3, "min takes at least 1 argument")]
    [InlineData("pow(2)", 0, 3, "pow takes 2 arguments, but 1 was given")]
    [InlineData("round(1, 2, 3)", 0, 5, "round takes 1 or 2 arguments, but 3 were given")]
    [InlineData("x + normsdist(1, 2)", 4, 9, "normsdist takes 1 argument")]
    [InlineData("foo(1)", 0, 3, "unknown function 'foo'")]
    [InlineData("1 + Sqrt(4)", 4, 4, "lower case: sqrt")]
    [InlineData("pi(2)", 0, 2, "'pi' is a constant")]
    [InlineData("sqrt + 1", 0, 4, "'sqrt' is a function")]
    [InlineData("min(1,)", 6, 1, "expected a number")]
    [InlineData("min(,1)", 4, 1, "expected a number")]
    [InlineData("max(1 2)", 6, 1, "expected ',' or ')'")]
    [InlineData("round(x, 11)", 9, 2, "whole number of digits from 0 to 10")]
    [InlineData("round(x, 1.5)", 9, 3, "whole number of digits")]
    public void Parse_ThrowsAtTheOffendingToken_WhenFormulaIsInvalid(string text, int position, int length, string message)
    {
        var error = Should.Throw<ExpressionException>(() => Expression.Parse(text));

        error.Position.ShouldBe(position);
        error.Length.ShouldBe(length);
        error.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("D / H", "H", 0, 2, "division by zero: 'H' is 0")]
    [InlineData("1 / (a - b)", "a", 1, 2, "division by zero: 'a - b' is 0")]
    [InlineData("sqrt(x)", "x", -4, 0, "sqrt needs a number that is not negative: 'x' is -4")]
    [InlineData("ln(x)", "x", 0, 0, "ln needs a positive number: 'x' is 0")]
    [InlineData("2 * ln(x)", "x", -1, 4, "ln needs a positive number")]
    [InlineData("log10(x)", "x", 0, 0, "log10 needs a positive number")]
    [InlineData("normsinv(p)", "p", 0, 0, "normsinv needs a probability strictly between 0 and 1: 'p' is 0")]
    [InlineData("normsinv(p)", "p", 1, 0, "strictly between 0 and 1")]
    [InlineData("normsinv(p)", "p", 1.5, 0, "strictly between 0 and 1")]
    [InlineData("normsinv(p)", "p", -0.1, 0, "strictly between 0 and 1")]
    [InlineData("exp(x)", "x", 1000, 0, "overflow: the result of 'exp(x)' is too large")]
    [InlineData("(x + 1) * x", "x", 1e200, 8, "overflow: the result of '(x + 1) * x' is too large")]
    [InlineData("1 / -(x - 1)", "x", 1, 2, "division by zero: '-(x - 1)' is")]
    [InlineData("2 * (x) ^ 2", "x", 1e200, 8, "overflow: the result of '(x) ^ 2' is too large")]
    [InlineData("x * x", "x", 1e200, 2, "overflow")]
    [InlineData("x + x", "x", 1e308, 2, "overflow")]
    [InlineData("x - -x", "x", 1e308, 2, "overflow")]
    [InlineData("1 / x", "x", 1e-320, 2, "overflow")]
    [InlineData("10 ^ x", "x", 400, 3, "overflow")]
    [InlineData("x ^ -1", "x", 0, 2, "zero raised to a negative power")]
    [InlineData("pow(x, -1)", "x", 0, 0, "zero raised to a negative power")]
    [InlineData("x ^ (1 / 3)", "x", -8, 2, "negative number raised to a fractional power: 'x' is -8")]
    [InlineData("round(2.5, d)", "d", 11, 0, "round needs a whole number of digits from 0 to 10: 'd' is 11")]
    [InlineData("round(2.5, d)", "d", -1, 0, "whole number of digits")]
    [InlineData("round(2.5, d)", "d", 1.5, 0, "whole number of digits")]
    public void Evaluate_ThrowsAtTheResponsibleToken_WhenAValueIsOutOfDomain(
        string text, string variable, double value, int position, string message)
    {
        var expression = Expression.Parse(text);
        var values = expression.Variables.ToDictionary(v => v, _ => 1.0);
        values[variable] = value;

        var error = Should.Throw<ExpressionException>(() => expression.Evaluate(values));

        error.Position.ShouldBe(position);
        error.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("1 / 0", 2, 1, "division by zero")]
    [InlineData("0 ^ -1", 2, 1, "zero raised to a negative power: -1")]
    [InlineData("(-8) ^ (1/3)", 5, 1, "fractional power")]
    [InlineData("sqrt(-4)", 0, 4, "sqrt needs a number that is not negative: -4")]
    [InlineData("exp(1000)", 0, 3, "overflow: the result of 'exp(1000)' is too large")]
    [InlineData("ln(0)", 0, 2, "ln needs a positive number: 0")]
    [InlineData("log10(-1)", 0, 5, "log10 needs a positive number")]
    [InlineData("normsinv(1)", 0, 8, "normsinv needs a probability strictly between 0 and 1")]
    [InlineData("1 + 10 ^ 400", 7, 1, "overflow")]
    [InlineData("1e308 * 10", 6, 1, "overflow")]
    public void Evaluate_ThrowsAtTheResponsibleToken_WhenConstantFormulaCannotBeComputed(
        string text, int position, int length, string message)
    {
        var expression = Expression.Parse(text);

        var error = Should.Throw<ExpressionException>(() => expression.Evaluate(new Dictionary<string, double>()));

        error.Position.ShouldBe(position);
        error.Length.ShouldBe(length);
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void Evaluate_SaysExactlyDivisionByZero_WhenTheDivisorIsTheLiteralZero() =>
        Should.Throw<ExpressionException>(() => Expression.Parse("1 / 0").Evaluate(new Dictionary<string, double>()))
            .Message.ShouldBe("division by zero");

    [Fact]
    public void Evaluate_ThrowsAtTheFirstUse_WhenAVariableHasNoValue()
    {
        var expression = Expression.Parse("a + b * b");

        var error = Should.Throw<ExpressionException>(() => expression.Evaluate(new Dictionary<string, double> { ["a"] = 1 }));

        error.Position.ShouldBe(4);
        error.Length.ShouldBe(1);
        error.Message.ShouldContain("unknown variable 'b'");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Evaluate_Throws_WhenAVariableIsNotFinite(double value)
    {
        var expression = Expression.Parse("1 + x");

        var error = Should.Throw<ExpressionException>(() => expression.Evaluate(new Dictionary<string, double> { ["x"] = value }));

        error.Position.ShouldBe(4);
        error.Message.ShouldContain("not a finite number");
    }

    [Fact]
    public void Parse_AcceptsTheFormula_WhenItIsExactlyAtTheLengthLimit()
    {
        var text = "1" + new string(' ', Expression.MaxLength - 1);

        Expression.Parse(text).Evaluate(new Dictionary<string, double>()).ShouldBe(1);
    }

    [Fact]
    public void Parse_ThrowsAtTheFirstCharacterBeyondTheLimit_WhenFormulaIsTooLong()
    {
        var text = "1" + new string(' ', Expression.MaxLength);

        var error = Should.Throw<ExpressionException>(() => Expression.Parse(text));

        error.Position.ShouldBe(Expression.MaxLength);
        error.Length.ShouldBe(1);
        error.Message.ShouldContain("too long");
    }

    [Fact]
    public void Parse_ThrowsWithoutOverflowingTheStack_WhenFormulaHas100000OpeningParentheses()
    {
        var text = new string('(', 100_000);

        var error = Should.Throw<ExpressionException>(() => Expression.Parse(text));

        error.Message.ShouldContain("too long");
    }

    [Fact]
    public void Parse_ThrowsAtTheTokenBeyondTheLimit_WhenFormulaHasTooManyTokens()
    {
        // "-1+1+...+1": 1 sign, 250 ones and 249 pluses are exactly the 500 tokens allowed.
        var atLimit = "-" + string.Join("+", Enumerable.Repeat("1", 250));
        Expression.Parse(atLimit).Evaluate(new Dictionary<string, double>()).ShouldBe(248);

        var error = Should.Throw<ExpressionException>(() => Expression.Parse(atLimit + "*1"));

        error.Position.ShouldBe(atLimit.Length);
        error.Message.ShouldContain("too many tokens");
    }

    [Fact]
    public void Parse_ThrowsAtTheTokenBeyondTheLimit_WhenFormulaIsAFewHundredParentheses()
    {
        var text = new string('(', 600) + "1" + new string(')', 600);

        var error = Should.Throw<ExpressionException>(() => Expression.Parse(text));

        error.Position.ShouldBe(Expression.MaxTokens);
        error.Message.ShouldContain("too many tokens");
    }

    [Theory]
    [InlineData('(', ')')]
    [InlineData('-', ' ')]
    public void Parse_AcceptsTheFormula_WhenNestingIsExactlyAtTheLimit(char open, char close)
    {
        var text = new string(open, Expression.MaxDepth) + "1" + new string(close, Expression.MaxDepth);

        Expression.Parse(text).Evaluate(new Dictionary<string, double>()).ShouldBe(1);
    }

    [Theory]
    [InlineData('(', ')')]
    [InlineData('-', ' ')]
    public void Parse_ThrowsAtTheTooDeepToken_WhenNestingExceedsTheLimit(char open, char close)
    {
        var text = new string(open, Expression.MaxDepth + 1) + "1" + new string(close, Expression.MaxDepth + 1);

        var error = Should.Throw<ExpressionException>(() => Expression.Parse(text));

        error.Position.ShouldBe(Expression.MaxDepth);
        error.Length.ShouldBe(1);
        error.Message.ShouldContain("nested too deeply");
    }

    [Fact]
    public void Parse_ThrowsNestedTooDeeply_WhenFunctionCallsAndPowersNestBeyondTheLimit()
    {
        var calls = string.Concat(Enumerable.Repeat("sqrt(", 65)) + "1" + new string(')', 65);
        var powers = string.Join("^", Enumerable.Repeat("1", 66));

        Should.Throw<ExpressionException>(() => Expression.Parse(calls)).Message.ShouldContain("nested too deeply");
        Should.Throw<ExpressionException>(() => Expression.Parse(powers)).Message.ShouldContain("nested too deeply");
    }

    [Fact]
    public void ParseAndEvaluate_ThrowOnlyExpressionException_WhenGivenRandomFormulas()
    {
        var random = new Random(12345);
        var values = new[] { 0, -1, 1, 0.5, 2.5, 1e300, -1e-300, 1e-320, 700 };
        var parsed = 0;
        var evaluated = 0;

        for (var i = 0; i < 2_000; i++)
        {
            // Half token soup, half well-formed formulas of which some are then damaged by one edit.
            var text = i % 2 == 0 ? TokenSoup(random) : DamagedFormula(random);
            try
            {
                var expression = Expression.Parse(text);
                parsed++;
                var variables = expression.Variables.ToDictionary(v => v, _ => values[random.Next(values.Length)]);
                var result = expression.Evaluate(variables);
                evaluated++;

                double.IsFinite(result).ShouldBeTrue(text);
                var reparsed = Expression.Parse(expression.ToString());
                reparsed.ToString().ShouldBe(expression.ToString(), text);
                reparsed.Evaluate(variables).ShouldBe(result, text);
            }
            catch (ExpressionException)
            {
                // The only exception allowed.
            }
        }

        parsed.ShouldBeGreaterThan(400);
        evaluated.ShouldBeGreaterThan(300);
        (parsed - evaluated).ShouldBeGreaterThan(10);
    }

    private static readonly string[] FuzzPieces =
    [
        "0", "1", "2", "7", "0.5", ".5", "1e6", "2.5E-3", "1e308", "1e-320", "9", ".", "e", "E", "pi", "x", "y", "p",
        "sigma_d", "_", "sqrt(", "ln(", "log10(", "exp(", "abs(", "min(", "max(", "round(", "floor(", "ceil(",
        "pow(", "normsinv(", "normsdist(", "foo(", "(", "(", ")", ")", ",", "+", "-", "-", "*", "/", "^", " ",
        " ", "\t", "#", "1,5", "Sqrt(",
    ];

    private static readonly string[] FuzzLeaves =
        ["0", "1", "2", "0.5", ".5", "1e6", "2.5E-3", "1e308", "1e-320", "x", "y", "p", "sigma_d", "pi", "e"];

    private static readonly string[] FuzzFunctions =
        ["sqrt", "ln", "log10", "exp", "abs", "min", "max", "round", "floor", "ceil", "pow", "normsinv", "normsdist"];

    private static readonly string[] FuzzOperators = ["+", "-", "*", "/", "^"];

    private static string TokenSoup(Random random)
    {
        var text = new StringBuilder();
        var count = random.Next(1, 16);
        for (var j = 0; j < count; j++)
        {
            text.Append(random.Next(10) == 0 ? (char)random.Next(32, 127) : FuzzPieces[random.Next(FuzzPieces.Length)]);
        }

        return text.ToString();
    }

    private static string DamagedFormula(Random random)
    {
        var text = new StringBuilder(Formula(random, random.Next(1, 6)));
        if (random.Next(4) == 0)
        {
            text.Remove(random.Next(text.Length), 1);
        }

        if (random.Next(4) == 0)
        {
            text.Insert(random.Next(text.Length + 1), FuzzPieces[random.Next(FuzzPieces.Length)]);
        }

        return text.ToString();
    }

    private static string Formula(Random random, int depth)
    {
        switch (depth <= 0 ? 0 : random.Next(5))
        {
            case 0:
                return FuzzLeaves[random.Next(FuzzLeaves.Length)];
            case 1:
                return "-" + Formula(random, depth - 1);
            case 2:
                return "(" + Formula(random, depth - 1) + ")";
            case 3:
                return Formula(random, depth - 1) + " " + FuzzOperators[random.Next(FuzzOperators.Length)] + " " + Formula(random, depth - 1);
            default:
                var count = random.Next(10) == 0 ? random.Next(0, 4) : random.Next(1, 3);
                var arguments = Enumerable.Range(0, count).Select(_ => Formula(random, depth - 1));
                return FuzzFunctions[random.Next(FuzzFunctions.Length)] + "(" + string.Join(", ", arguments) + ")";
        }
    }
}

using System.Globalization;
using System.Text;

namespace CertPrep.Content.Expressions;

/// <summary>
/// A node of the immutable syntax tree. <see cref="Start"/> and <see cref="End"/> delimit the node's text in the
/// formula (for messages); evaluation reads variable values by slot from a span and never allocates.
/// </summary>
internal abstract class Node(int start, int end)
{
    /// <summary>Binding strength used to print the fewest parentheses: 1 + -, 2 * /, 3 unary minus, 4 ^, 5 operands.</summary>
    public abstract int Precedence { get; }

    public int Start { get; } = start;

    public int End { get; } = end;

    /// <summary>Evaluates the node; every result is finite or an <see cref="ExpressionException"/> is thrown.</summary>
    public abstract double Evaluate(ReadOnlySpan<double> values, string source);

    public abstract void Write(StringBuilder into);

    /// <summary>Writes <paramref name="child"/>, in parentheses when <paramref name="parenthesize"/>.</summary>
    protected static void Write(StringBuilder into, Node child, bool parenthesize)
    {
        if (parenthesize)
        {
            into.Append('(');
        }

        child.Write(into);
        if (parenthesize)
        {
            into.Append(')');
        }
    }

    /// <summary>"'H' is 0" for an operand that is not a plain number, "-4" for one whose text is its value.</summary>
    protected static string DescribeValue(Node operand, double value, string source)
    {
        var formatted = Format(value);
        var text = source[operand.Start..operand.End];
        return text == formatted ? formatted : $"'{text}' is {formatted}";
    }

    protected static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The error for a non-finite result of the node whose operator or name is at the given token.</summary>
    public ExpressionException NotFinite(double result, string source, int tokenStart, int tokenLength)
    {
        var text = source[Start..End];
        var message = double.IsNaN(result)
            ? $"the result of '{text}' is not a number"
            : $"overflow: the result of '{text}' is too large";
        return new ExpressionException(message, tokenStart, tokenLength);
    }
}

internal sealed class NumberNode(double value, string? constantName, int start, int end) : Node(start, end)
{
    public double Value { get; } = value;

    /// <summary>True for a number written as digits, false for a named constant such as pi.</summary>
    public bool IsLiteral => constantName is null;

    public override int Precedence => 5;

    public override double Evaluate(ReadOnlySpan<double> values, string source) => Value;

    public override void Write(StringBuilder into) => into.Append(constantName ?? Format(Value));
}

internal sealed class VariableNode(string name, int slot, int start, int end) : Node(start, end)
{
    public override int Precedence => 5;

    public override double Evaluate(ReadOnlySpan<double> values, string source) => values[slot];

    public override void Write(StringBuilder into) => into.Append(name);
}

internal sealed class NegateNode(Node operand, int start, int end) : Node(start, end)
{
    public override int Precedence => 3;

    public override double Evaluate(ReadOnlySpan<double> values, string source) => -operand.Evaluate(values, source);

    public override void Write(StringBuilder into)
    {
        into.Append('-');
        Write(into, operand, operand.Precedence < 3);
    }
}

internal sealed class BinaryNode(TokenKind op, int operatorStart, Node left, Node right, int start, int end) : Node(start, end)
{
    public override int Precedence => op switch
    {
        TokenKind.Plus or TokenKind.Minus => 1,
        TokenKind.Star or TokenKind.Slash => 2,
        _ => 4,
    };

    public override double Evaluate(ReadOnlySpan<double> values, string source)
    {
        var a = left.Evaluate(values, source);
        var b = right.Evaluate(values, source);
        double result;
        switch (op)
        {
            case TokenKind.Plus:
                result = a + b;
                break;
            case TokenKind.Minus:
                result = a - b;
                break;
            case TokenKind.Star:
                result = a * b;
                break;
            case TokenKind.Slash:
                if (b == 0)
                {
                    var detail = right is NumberNode { IsLiteral: true } ? "" : $": {DescribeValue(right, b, source)}";
                    throw new ExpressionException($"division by zero{detail}", operatorStart, 1);
                }

                result = a / b;
                break;
            default:
                return Power(this, a, b, left, right, source, operatorStart, 1);
        }

        return double.IsFinite(result) ? result : throw NotFinite(result, source, operatorStart, 1);
    }

    /// <summary>x ^ y and pow(x, y), with the domain problems named instead of reported as "not a number".</summary>
    public static double Power(
        Node node, double x, double y, Node baseNode, Node exponentNode, string source, int tokenStart, int tokenLength)
    {
        if (x == 0 && y < 0)
        {
            throw new ExpressionException(
                $"zero raised to a negative power: {DescribeValue(exponentNode, y, source)}", tokenStart, tokenLength);
        }

        if (x < 0 && y != Math.Floor(y))
        {
            throw new ExpressionException(
                $"a negative number raised to a fractional power: {DescribeValue(baseNode, x, source)}, {DescribeValue(exponentNode, y, source)}",
                tokenStart,
                tokenLength);
        }

        var result = Math.Pow(x, y);
        return double.IsFinite(result) ? result : throw node.NotFinite(result, source, tokenStart, tokenLength);
    }

    public override void Write(StringBuilder into)
    {
        var precedence = Precedence;
        if (precedence == 4)
        {
            // Right-associative: the base needs parentheses unless it is an operand; the exponent may be signed.
            Write(into, left, left.Precedence < 5);
            into.Append(" ^ ");
            Write(into, right, right.Precedence < 3);
            return;
        }

        Write(into, left, left.Precedence < precedence);
        into.Append(op switch
        {
            TokenKind.Plus => " + ",
            TokenKind.Minus => " - ",
            TokenKind.Star => " * ",
            _ => " / ",
        });
        Write(into, right, right.Precedence <= precedence);
    }
}

/// <summary>A call of a built-in function; <see cref="Node.Start"/> is where the function name starts.</summary>
internal sealed class CallNode(FunctionInfo function, Node[] arguments, int start, int end) : Node(start, end)
{
    public override int Precedence => 5;

    public override double Evaluate(ReadOnlySpan<double> values, string source)
    {
        var x = arguments[0].Evaluate(values, source);
        double result;
        switch (function.Kind)
        {
            case FunctionKind.Sqrt:
                result = x >= 0 ? Math.Sqrt(x) : throw DomainError("sqrt needs a number that is not negative", x, source);
                break;
            case FunctionKind.Ln:
                result = x > 0 ? Math.Log(x) : throw DomainError("ln needs a positive number", x, source);
                break;
            case FunctionKind.Log10:
                result = x > 0 ? Math.Log10(x) : throw DomainError("log10 needs a positive number", x, source);
                break;
            case FunctionKind.Exp:
                result = Math.Exp(x);
                break;
            case FunctionKind.Abs:
                result = Math.Abs(x);
                break;
            case FunctionKind.Min:
                result = x;
                for (var i = 1; i < arguments.Length; i++)
                {
                    result = Math.Min(result, arguments[i].Evaluate(values, source));
                }

                break;
            case FunctionKind.Max:
                result = x;
                for (var i = 1; i < arguments.Length; i++)
                {
                    result = Math.Max(result, arguments[i].Evaluate(values, source));
                }

                break;
            case FunctionKind.Round:
                result = Functions.Round(x, arguments.Length == 1 ? 0 : Digits(arguments[1].Evaluate(values, source), source));
                break;
            case FunctionKind.Floor:
                result = Math.Floor(x);
                break;
            case FunctionKind.Ceil:
                result = Math.Ceiling(x);
                break;
            case FunctionKind.Pow:
                return BinaryNode.Power(
                    this, x, arguments[1].Evaluate(values, source), arguments[0], arguments[1], source, Start, function.Name.Length);
            case FunctionKind.NormsInv:
                result = x > 0 && x < 1
                    ? StandardNormal.Quantile(x)
                    : throw DomainError("normsinv needs a probability strictly between 0 and 1", x, source);
                break;
            default:
                result = StandardNormal.Cdf(x);
                break;
        }

        return double.IsFinite(result) ? result : throw NotFinite(result, source, Start, function.Name.Length);
    }

    /// <summary>The digits argument of round: a whole number from 0 to <see cref="MaxRoundDigits"/>.</summary>
    private int Digits(double digits, string source) =>
        digits >= 0 && digits <= MaxRoundDigits && digits == Math.Floor(digits)
            ? (int)digits
            : throw new ExpressionException(
                $"round needs a whole number of digits from 0 to {MaxRoundDigits.ToString(CultureInfo.InvariantCulture)}: {DescribeValue(arguments[1], digits, source)}",
                Start,
                function.Name.Length);

    public const int MaxRoundDigits = 10;

    private ExpressionException DomainError(string problem, double argument, string source) =>
        new($"{problem}: {DescribeValue(arguments[0], argument, source)}", Start, function.Name.Length);

    public override void Write(StringBuilder into)
    {
        into.Append(function.Name).Append('(');
        for (var i = 0; i < arguments.Length; i++)
        {
            if (i > 0)
            {
                into.Append(", ");
            }

            arguments[i].Write(into);
        }

        into.Append(')');
    }
}

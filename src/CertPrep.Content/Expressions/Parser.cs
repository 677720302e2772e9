using System.Globalization;

namespace CertPrep.Content.Expressions;

/// <summary>
/// Recursive-descent parser. Precedence from loosest to tightest: + -, * /, unary + -, ^ (right-associative, its
/// exponent may carry a sign), then numbers, names, calls and parentheses. Nesting is counted so the recursion
/// stays shallow whatever the input.
/// </summary>
internal sealed class Parser
{
    private const string OperandExpected = "a number, a variable, a function call or '('";

    private readonly string text;
    private readonly Token[] tokens;
    private readonly Dictionary<string, int> slots = new(StringComparer.Ordinal);
    private readonly List<(string Name, int Position)> variables = [];
    private int index;
    private int depth;

    private Parser(string text, Token[] tokens)
    {
        this.text = text;
        this.tokens = tokens;
    }

    /// <summary>The parsed tree and the variables it reads, in order of first appearance with that position.</summary>
    public static (Node Root, IReadOnlyList<(string Name, int Position)> Variables) Parse(string text)
    {
        var parser = new Parser(text, Lexer.Tokenize(text));
        if (parser.Current.Kind == TokenKind.End)
        {
            throw new ExpressionException("the formula is empty", 0, 0);
        }

        var root = parser.ParseSum();
        var next = parser.Current;
        if (next.Kind != TokenKind.End)
        {
            throw next.Kind == TokenKind.RightParen
                ? parser.Error("unexpected ')': there is no '(' to close", next)
                : parser.Error(
                    $"expected an operator or the end of the formula, found {parser.Describe(next)}{parser.MultiplyHint(next)}",
                    next);
        }

        return (root, parser.variables);
    }

    private Token Current => tokens[index];

    private Token Previous => tokens[index - 1];

    private Token Advance() => tokens[index++];

    private Node ParseSum()
    {
        var start = Current.Start;
        var left = ParseProduct();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var right = ParseProduct();
            left = new BinaryNode(op.Kind, op.Start, left, right, start, Previous.End);
        }

        return left;
    }

    private Node ParseProduct()
    {
        var start = Current.Start;
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance();
            var right = ParseUnary();
            left = new BinaryNode(op.Kind, op.Start, left, right, start, Previous.End);
        }

        return left;
    }

    private Node ParseUnary()
    {
        if (Current.Kind is not (TokenKind.Plus or TokenKind.Minus))
        {
            return ParsePower();
        }

        var sign = Advance();
        Enter(sign);
        var operand = ParseUnary();
        depth--;
        return sign.Kind == TokenKind.Minus ? new NegateNode(operand, sign.Start, Previous.End) : operand;
    }

    private Node ParsePower()
    {
        var start = Current.Start;
        var powerBase = ParseOperand();
        if (Current.Kind != TokenKind.Caret)
        {
            return powerBase;
        }

        var caret = Advance();
        Enter(caret);
        var exponent = ParseUnary();
        depth--;
        return new BinaryNode(TokenKind.Caret, caret.Start, powerBase, exponent, start, Previous.End);
    }

    private Node ParseOperand()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new NumberNode(token.Value, null, token.Start, token.End);
            case TokenKind.Identifier:
                Advance();
                return ParseName(token);
            case TokenKind.LeftParen:
                Advance();
                Enter(token);
                var inner = ParseSum();
                depth--;
                ExpectClose(token, "')'");
                return inner;
            case TokenKind.End:
                throw Error($"the formula ends after {Describe(Previous)}; expected {OperandExpected}", token);
            default:
                throw Error($"expected {OperandExpected}, found {Describe(token)}", token);
        }
    }

    private Node ParseName(Token token)
    {
        var name = text.Substring(token.Start, token.Length);
        if (Current.Kind == TokenKind.LeftParen)
        {
            return ParseCall(token, name);
        }

        if (Functions.TryGetFunction(name, out _))
        {
            throw Error($"'{name}' is a function: write {name}(...)", token);
        }

        if (Functions.TryGetConstant(name, out var constant))
        {
            return new NumberNode(constant, name, token.Start, token.End);
        }

        if (!slots.TryGetValue(name, out var slot))
        {
            slot = variables.Count;
            slots.Add(name, slot);
            variables.Add((name, token.Start));
        }

        return new VariableNode(name, slot, token.Start, token.End);
    }

    private CallNode ParseCall(Token nameToken, string name)
    {
        if (!Functions.TryGetFunction(name, out var function))
        {
            var suggestion = Functions.SuggestFunction(name);
            var hint = suggestion is null
                ? Functions.TryGetConstant(name, out _) ? $" ('{name}' is a constant)" : ""
                : $" (function names are lower case: {suggestion})";
            throw Error($"unknown function '{name}'{hint}", nameToken);
        }

        var open = Advance();
        Enter(open);
        var arguments = new List<Node>();
        if (Current.Kind == TokenKind.RightParen)
        {
            Advance();
        }
        else
        {
            while (true)
            {
                arguments.Add(ParseSum());
                if (Current.Kind == TokenKind.Comma)
                {
                    Advance();
                    continue;
                }

                ExpectClose(open, "',' or ')'");
                break;
            }
        }

        depth--;
        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            var given = arguments.Count == 0 ? "none were" : arguments.Count == 1 ? "1 was" : $"{arguments.Count.ToString(CultureInfo.InvariantCulture)} were";
            throw Error($"{name} takes {function.DescribeArity()}, but {given} given", nameToken);
        }

        if (function.Kind == FunctionKind.Round && arguments.Count == 2 && arguments[1] is NumberNode digits
            && !(digits.Value >= 0 && digits.Value <= CallNode.MaxRoundDigits && digits.Value == Math.Floor(digits.Value)))
        {
            throw new ExpressionException(
                $"round needs a whole number of digits from 0 to {CallNode.MaxRoundDigits.ToString(CultureInfo.InvariantCulture)}",
                digits.Start,
                digits.End - digits.Start);
        }

        return new CallNode(function, [.. arguments], nameToken.Start, Previous.End);
    }

    /// <summary>Consumes the ')' matching <paramref name="open"/>, or explains what is there instead.</summary>
    private void ExpectClose(Token open, string expected)
    {
        var token = Current;
        if (token.Kind == TokenKind.RightParen)
        {
            Advance();
            return;
        }

        throw token.Kind == TokenKind.End
            ? Error("'(' is never closed: a ')' is missing", open)
            : Error($"expected {expected}, found {Describe(token)}{MultiplyHint(token)}", token);
    }

    private void Enter(Token token)
    {
        if (++depth > Expression.MaxDepth)
        {
            throw Error(
                $"the formula is nested too deeply (at most {Expression.MaxDepth.ToString(CultureInfo.InvariantCulture)} levels of parentheses, calls, signs and powers)",
                token);
        }
    }

    private string Describe(Token token) =>
        token.Kind == TokenKind.End ? "the end of the formula" : $"'{text.Substring(token.Start, token.Length)}'";

    /// <summary>On paper "2x" and "2(a + b)" mean products; say how to write them here (or what else is wrong).</summary>
    private string MultiplyHint(Token token)
    {
        var previous = Previous;
        if (token.Kind == TokenKind.Number && previous.Kind == TokenKind.Number && previous.End == token.Start)
        {
            return " (a number has at most one decimal point)";
        }

        return token.Kind is TokenKind.Number or TokenKind.Identifier or TokenKind.LeftParen ? " (write '*' to multiply)" : "";
    }

    private ExpressionException Error(string message, Token token) => new(message, token.Start, token.Length);
}

using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace CertPrep.Content.Expressions;

/// <summary>
/// An arithmetic formula of a calculated question, such as <c>sqrt(2 * D * S / H)</c>, parsed once into an immutable
/// tree and evaluated with new variable values on every attempt. Nothing is compiled or executed: evaluation walks the
/// tree, is thread-safe and allocates nothing for formulas with up to 64 distinct variables.
/// </summary>
/// <remarks>
/// <para>
/// Grammar: numbers (<c>12</c>, <c>0.5</c>, <c>.5</c>, <c>1e6</c>, <c>2.5E-3</c>; invariant culture, no thousands
/// separators), names <c>[A-Za-z_][A-Za-z0-9_]*</c>, <c>+ - * /</c>, <c>^</c>, unary <c>+ -</c>, parentheses and
/// function calls; whitespace is ignored. Precedence from tightest: <c>^</c> (right-associative, so
/// <c>2^3^2 = 512</c>; its exponent may be signed, <c>2^-1 = 0.5</c>), unary sign (<c>-2^2 = -4</c>),
/// <c>* /</c>, <c>+ -</c>.
/// </para>
/// <para>
/// Functions (case-sensitive): <c>sqrt ln log10 exp abs floor ceil normsinv normsdist</c> of one argument,
/// <c>min</c> and <c>max</c> of one or more, <c>pow(x, y)</c>, <c>round(x)</c> and <c>round(x, digits)</c> with
/// digits 0 to 10 and halves rounded away from zero (<c>round(2.5) = 3</c>, <c>round(-2.5) = -3</c>, and the value is
/// first taken to 15 significant digits as in a spreadsheet, so <c>round(2.675, 2) = 2.68</c>). <c>normsinv(p)</c> is
/// the standard normal quantile and <c>normsdist(z)</c> the standard normal CDF (see <see cref="StandardNormal"/>).
/// </para>
/// <para>
/// Constants <c>pi</c> and <c>e</c> always mean the constants: they are never variables, never appear in
/// <see cref="Variables"/>, and values supplied for them are ignored. Every other name is a variable.
/// </para>
/// </remarks>
public sealed class Expression
{
    /// <summary>Longest formula text accepted, in characters.</summary>
    public const int MaxLength = 2_000;

    /// <summary>Most tokens (numbers, names, operators, parentheses and commas) a formula may have.</summary>
    public const int MaxTokens = 500;

    /// <summary>Deepest nesting of parentheses, function calls, signs and powers a formula may have.</summary>
    public const int MaxDepth = 64;

    private const int StackSlots = 64;

    private readonly Node root;
    private readonly string[] variableNames;
    private readonly int[] variablePositions;

    private Expression(string text, Node root, IReadOnlyList<(string Name, int Position)> variables)
    {
        Text = text;
        this.root = root;
        variableNames = variables.Select(v => v.Name).ToArray();
        variablePositions = variables.Select(v => v.Position).ToArray();
        Variables = variableNames.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The formula as the author wrote it.</summary>
    public string Text { get; }

    /// <summary>The names of the variables the formula reads (ordinal, case-sensitive); never <c>pi</c> or <c>e</c>.</summary>
    public IReadOnlySet<string> Variables { get; }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="ExpressionException">
    /// The text is empty, not a valid formula, calls an unknown function or a function with the wrong number of
    /// arguments, or exceeds <see cref="MaxLength"/>, <see cref="MaxTokens"/> or <see cref="MaxDepth"/>; the
    /// exception locates the offending token.
    /// </exception>
    public static Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (root, variables) = Parser.Parse(text);
        return new Expression(text, root, variables);
    }

    /// <summary>Parses <paramref name="text"/>, returning the problem instead of throwing it; null text is an empty formula.</summary>
    /// <param name="text">The formula.</param>
    /// <param name="expression">The parsed formula, or null when parsing failed.</param>
    /// <param name="error">Why parsing failed and where, or null when it succeeded.</param>
    /// <returns>Whether the text is a valid formula.</returns>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out Expression? expression,
        [NotNullWhen(false)] out ExpressionException? error)
    {
        try
        {
            expression = Parse(text ?? "");
            error = null;
            return true;
        }
        catch (ExpressionException e)
        {
            expression = null;
            error = e;
            return false;
        }
    }

    /// <summary>
    /// Evaluates the formula with the given variable values (extra entries are ignored). The result is always a
    /// finite number, and never negative zero.
    /// </summary>
    /// <exception cref="ExpressionException">
    /// A variable has no value or a value that is NaN or infinite (located at its first use), or evaluation fails
    /// (located at the operator or function responsible): division by zero, sqrt of a negative number, ln or log10 of a
    /// number that is not positive, normsinv outside (0, 1), zero raised to a negative power, a negative number raised
    /// to a fractional power, round digits that are not a whole number from 0 to 10, or a result too large to
    /// represent (such as <c>exp(1000)</c>).
    /// </exception>
    public double Evaluate(IReadOnlyDictionary<string, double> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var count = variableNames.Length;
        Span<double> values = count <= StackSlots ? stackalloc double[StackSlots] : new double[count];
        for (var i = 0; i < count; i++)
        {
            var name = variableNames[i];
            if (!variables.TryGetValue(name, out var value))
            {
                throw new ExpressionException($"unknown variable '{name}': no value was given for it", variablePositions[i], name.Length);
            }

            if (!double.IsFinite(value))
            {
                throw new ExpressionException(
                    $"variable '{name}' is {value.ToString(CultureInfo.InvariantCulture)}, not a finite number",
                    variablePositions[i],
                    name.Length);
            }

            values[i] = value;
        }

        var result = root.Evaluate(values, Text);
        return result == 0 ? 0 : result; // no negative zero: -0 would print as "-0"
    }

    /// <summary>
    /// The formula in canonical form: single spaces around binary operators and only the parentheses the structure
    /// needs, e.g. <c>(1+2)*3^-x</c> prints as <c>(1 + 2) * 3 ^ -x</c>. Parsing the result gives the same formula.
    /// </summary>
    public override string ToString()
    {
        var into = new StringBuilder(Text.Length + 16);
        root.Write(into);
        return into.ToString();
    }
}

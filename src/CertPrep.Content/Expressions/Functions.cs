using System.Collections.Frozen;
using System.Globalization;

namespace CertPrep.Content.Expressions;

internal enum FunctionKind
{
    Sqrt,
    Ln,
    Log10,
    Exp,
    Abs,
    Min,
    Max,
    Round,
    Floor,
    Ceil,
    Pow,
    NormsInv,
    NormsDist,
}

/// <summary>A built-in function: its name as written in formulas and how many arguments it takes.</summary>
internal sealed record FunctionInfo(string Name, FunctionKind Kind, int MinArguments, int MaxArguments)
{
    public string DescribeArity()
    {
        var min = MinArguments.ToString(CultureInfo.InvariantCulture);
        if (MaxArguments == int.MaxValue)
        {
            return $"at least {min} {Plural(MinArguments)}";
        }

        return MinArguments == MaxArguments
            ? $"{min} {Plural(MinArguments)}"
            : $"{min} or {MaxArguments.ToString(CultureInfo.InvariantCulture)} arguments";
    }

    private static string Plural(int count) => count == 1 ? "argument" : "arguments";
}

/// <summary>The built-in functions and constants. Names are case-sensitive and lower case.</summary>
internal static class Functions
{
    private static readonly FrozenDictionary<string, FunctionInfo> ByName = new FunctionInfo[]
    {
        new("sqrt", FunctionKind.Sqrt, 1, 1),
        new("ln", FunctionKind.Ln, 1, 1),
        new("log10", FunctionKind.Log10, 1, 1),
        new("exp", FunctionKind.Exp, 1, 1),
        new("abs", FunctionKind.Abs, 1, 1),
        new("min", FunctionKind.Min, 1, int.MaxValue),
        new("max", FunctionKind.Max, 1, int.MaxValue),
        new("round", FunctionKind.Round, 1, 2),
        new("floor", FunctionKind.Floor, 1, 1),
        new("ceil", FunctionKind.Ceil, 1, 1),
        new("pow", FunctionKind.Pow, 2, 2),
        new("normsinv", FunctionKind.NormsInv, 1, 1),
        new("normsdist", FunctionKind.NormsDist, 1, 1),
    }.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, double> ConstantsByName = new Dictionary<string, double>
    {
        ["pi"] = Math.PI,
        ["e"] = Math.E,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool TryGetFunction(string name, out FunctionInfo function) =>
        ByName.TryGetValue(name, out function!);

    /// <summary>A function whose name differs from <paramref name="name"/> only in case, for a "did you mean" hint.</summary>
    public static string? SuggestFunction(string name) =>
        ByName.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    public static bool TryGetConstant(string name, out double value) => ConstantsByName.TryGetValue(name, out value);

    /// <summary>
    /// round(x, digits): the value is first taken to 15 significant digits (as a spreadsheet does, so 2.675 is the
    /// 2.675 the author wrote and not 2.67499999999999982236431605997495353221893310546875), then rounded to
    /// <paramref name="digits"/> decimals with halves away from zero: round(2.5) = 3, round(-2.5) = -3,
    /// round(2.675, 2) = 2.68.
    /// </summary>
    public static double Round(double value, int digits)
    {
        // Beyond 1e15 a double has no decimal digits that 15-significant-digit rounding could keep.
        return Math.Abs(value) < 1e15
            ? (double)Math.Round((decimal)value, digits, MidpointRounding.AwayFromZero)
            : Math.Round(value, digits, MidpointRounding.AwayFromZero);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using CertPrep.Content.Expressions;

namespace CertPrep.Content.Model;

/// <summary>One draw of a calculated question: the variables' values, the stem with them filled in, and the key.</summary>
/// <param name="Values">Variable values drawn.</param>
/// <param name="Stem">The stem with every <c>{Name}</c> replaced by its value.</param>
/// <param name="Answer">The key, unrounded.</param>
/// <param name="Shown">The key as shown to learners, with the question's decimals.</param>
public sealed partial record CalculatedVariant(IReadOnlyDictionary<string, double> Values, string Stem, double Answer, string Shown)
{
    /// <summary>Draws the variant for <paramref name="seed"/>: the same seed always gives the same numbers.</summary>
    public static CalculatedVariant Draw(string stem, Calculation calculation, int seed)
    {
        var random = new Random(seed);
        var values = calculation.Variables.ToDictionary(v => v.Name, v => v.ValueAt(random.Next(v.Count)), StringComparer.Ordinal);
        var answer = Expression.Parse(calculation.Formula).Evaluate(values);
        var filled = PlaceholderRegex().Replace(stem, m => values.TryGetValue(m.Groups[1].Value, out var value) ? Format(value) : m.Value);
        return new CalculatedVariant(values, filled, answer, Math.Round(answer, calculation.Decimals, MidpointRounding.AwayFromZero).ToString("N" + calculation.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
    }

    private static string Format(double value) => value.ToString("#,##0.##########", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex PlaceholderRegex();
}

using System.Globalization;
using System.Text;

namespace CertPrep.Domain.Practice;

/// <summary>
/// Reads what a learner types into a numeric answer box, in the invariant culture (a point for decimals).
/// <para>
/// Accepted: surrounding whitespace; one optional sign (<c>-</c>, <c>+</c> or the minus sign U+2212) and currency
/// symbols (any Unicode currency symbol, such as $ € £ ¥) before the number, in either order; thousands separators
/// (comma, apostrophe, normal space, no-break space, thin space U+2009 or narrow no-break space U+202F), one kind per
/// number and only between correct groups of three (<c>1,234.5</c>, <c>1 234 567</c>, <c>12,345,678.9</c>); a
/// decimal point, also leading (<c>.5</c>); an exponent (<c>1.2e3</c>); and any text after the number, which is
/// ignored as a unit or currency (<c>224 units</c>, <c>30 min</c>, <c>$1,200/year</c>). A trailing percent sign is
/// ignored like any unit, so <c>12.5%</c> reads as 12.5, not 0.125.
/// </para>
/// <para>
/// Rejected, with a one-sentence message that says what is accepted: empty input; input without digits; words before
/// the number (<c>about 12</c>); a comma used as the decimal separator (<c>1,5</c>, <c>0,25</c>, <c>1.234,5</c>,
/// <c>1 234,5</c>); commas or apostrophes that do not separate groups of three (<c>12,34</c>); points used to group
/// thousands (<c>1.234.567</c>); two numbers (<c>12 15</c>, <c>3-4</c>: a digit anywhere in the text after the
/// number); NaN and infinity; and values whose magnitude exceeds <see cref="MaxMagnitude"/>. A space is only a
/// thousands separator when a group of exactly three digits follows it, so <c>12 15</c> is two numbers while
/// <c>12 150</c> is 12150.
/// </para>
/// </summary>
public static class NumericResponse
{
    /// <summary>A short explanation of what the answer box accepts, for the page to show next to it.</summary>
    public const string Hint = "Type a number such as 1,234.5 or 1234.5; units and currency signs are ignored.";

    /// <summary>The largest magnitude accepted (10^15); beyond it doubles stop holding every whole number exactly.</summary>
    public const double MaxMagnitude = 1e15;

    private const string EmptyMessage = "Type a number, such as 1,234.5 or 1234.5.";
    private const string NoDigitsMessage = "Type a number using the digits 0 to 9, such as 1,234.5.";
    private const string LeadingTextMessage = "Start with the number, such as 12 or $12; units and words may only follow it.";
    private const string SignsMessage = "Use at most one sign before the number, as in -12 or +12.";
    private const string DecimalCommaMessage = "Use a point for decimals, as in 1.5 or 1,234.5; a comma only separates thousands.";
    private const string GroupingMessage = "Separate thousands in groups of three, as in 1,234,567 (or not at all), and use a point for decimals.";
    private const string PointGroupingMessage = "Use a point only for decimals and separate thousands with commas or spaces, as in 1,234,567.5.";
    private const string TwoNumbersMessage = "Type a single number, such as 12 or 12.5, not a range or a list.";
    private const string NotFiniteMessage = "Type an ordinary number, such as 1,234.5; infinity and NaN are not accepted.";
    private const string TooLargeMessage = "Type a number between -1,000,000,000,000,000 and 1,000,000,000,000,000.";

    private enum Separator
    {
        None,
        Comma,
        Apostrophe,
        Space,
    }

    /// <summary>Reads a typed numeric answer.</summary>
    /// <param name="text">The text as typed; null is treated as empty.</param>
    /// <param name="value">The number read (never negative zero), or 0 when the text is rejected.</param>
    /// <param name="error">Null when the text is accepted; otherwise a friendly one-sentence message for the learner.</param>
    /// <returns>True when the text holds exactly one acceptable number.</returns>
    public static bool TryParse(string? text, out double value, out string? error)
    {
        value = 0;
        error = Read(text, out var parsed);
        if (error is not null)
        {
            return false;
        }

        // Adding +0 turns a typed "-0" into plain 0, which is what the learner means.
        value = parsed + 0.0;
        return true;
    }

    /// <summary>Reads the text; returns null and the value when accepted, or the message for the learner.</summary>
    private static string? Read(string? text, out double value)
    {
        value = 0;
        var s = (text ?? "").AsSpan().Trim();
        if (s.IsEmpty)
        {
            return EmptyMessage;
        }

        var i = 0;
        var negative = false;
        var signSeen = false;
        var currencySeen = false;
        while (i < s.Length)
        {
            if (!currencySeen && char.GetUnicodeCategory(s[i]) == UnicodeCategory.CurrencySymbol)
            {
                currencySeen = true;
            }
            else if (IsSign(s[i]))
            {
                if (signSeen)
                {
                    return SignsMessage;
                }

                signSeen = true;
                negative = s[i] != '+';
            }
            else
            {
                break;
            }

            i = SkipWhiteSpace(s, i + 1);
        }

        if (!StartsNumber(s, i))
        {
            var rest = s[i..];
            if (NamesNonFinite(rest))
            {
                return NotFiniteMessage;
            }

            return rest.ContainsAnyInRange('0', '9') ? LeadingTextMessage : NoDigitsMessage;
        }

        var number = new StringBuilder(negative ? "-" : "");
        var error = ReadMantissa(s, ref i, number, out var pointSeen);
        if (error is not null)
        {
            return error;
        }

        ReadExponent(s, ref i, number);

        var tail = s[i..];
        if (tail.Length >= 2 && IsAsciiDigit(tail[1]))
        {
            if (pointSeen && tail[0] == '.')
            {
                return PointGroupingMessage;
            }

            if (pointSeen && tail[0] == ',')
            {
                return DecimalCommaMessage;
            }
        }

        foreach (var c in tail)
        {
            if (char.IsDigit(c))
            {
                return TwoNumbersMessage;
            }
        }

        // Overflow gives infinity rather than an exception; both it and huge finite values fail the range check.
        var parsed = double.Parse(number.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(parsed) || Math.Abs(parsed) > MaxMagnitude)
        {
            return TooLargeMessage;
        }

        value = parsed;
        return null;
    }

    /// <summary>
    /// Reads the integer part with its thousands separators and the fraction, appending plain digits to
    /// <paramref name="number"/>. Commas and apostrophes always mean a separator, so a bad group is an error; a space
    /// only counts when a group of three digits follows, and otherwise ends the number.
    /// </summary>
    private static string? ReadMantissa(ReadOnlySpan<char> s, ref int i, StringBuilder number, out bool pointSeen)
    {
        pointSeen = false;
        var firstGroup = s.Slice(i, CountDigits(s, i));
        number.Append(firstGroup.IsEmpty ? "0" : firstGroup);
        i += firstGroup.Length;

        var separator = Separator.None;
        var groups = 0;
        while (i < s.Length)
        {
            var kind = SeparatorKind(s[i]);
            var following = CountDigits(s, i + 1);
            if (kind == Separator.None || following == 0)
            {
                break;
            }

            var isGroup = (separator == Separator.None || separator == kind)
                && following == 3
                && (groups > 0 || (firstGroup.Length is >= 1 and <= 3 && firstGroup is not "0"));
            if (!isGroup)
            {
                if (kind == Separator.Space)
                {
                    break;
                }

                return kind == Separator.Comma && IsDecimalComma(separator, groups, firstGroup, following)
                    ? DecimalCommaMessage
                    : GroupingMessage;
            }

            number.Append(s.Slice(i + 1, 3));
            i += 4;
            separator = kind;
            groups++;
        }

        if (i < s.Length && s[i] == '.')
        {
            pointSeen = true;
            var fraction = s.Slice(i + 1, CountDigits(s, i + 1));
            number.Append('.').Append(fraction.IsEmpty ? "0" : fraction);
            i += 1 + fraction.Length;
        }

        return null;
    }

    /// <summary>
    /// Whether a comma that does not separate a group of three reads as a decimal comma: after space or apostrophe
    /// groups (<c>1 234,5</c>), after a lone zero (<c>0,25</c>), or as the only comma with one digit after it
    /// (<c>1,5</c>). Anything else (<c>12,34</c>) is treated as a misplaced thousands separator.
    /// </summary>
    private static bool IsDecimalComma(Separator separator, int groups, ReadOnlySpan<char> firstGroup, int following) =>
        separator is Separator.Space or Separator.Apostrophe
        || (groups == 0 && (firstGroup is "0" || following == 1));

    /// <summary>Reads an exponent such as e3, E-3 or e+12 when one follows; otherwise leaves the text to the unit.</summary>
    private static void ReadExponent(ReadOnlySpan<char> s, ref int i, StringBuilder number)
    {
        if (i >= s.Length || (s[i] != 'e' && s[i] != 'E'))
        {
            return;
        }

        var j = i + 1;
        var exponentNegative = false;
        if (j < s.Length && IsSign(s[j]))
        {
            exponentNegative = s[j] != '+';
            j++;
        }

        var digits = CountDigits(s, j);
        if (digits == 0)
        {
            return;
        }

        number.Append('e').Append(exponentNegative ? "-" : "").Append(s.Slice(j, digits));
        i = j + digits;
    }

    /// <summary>Whether the text starts with ∞ or the word NaN, Inf or Infinity (any case).</summary>
    private static bool NamesNonFinite(ReadOnlySpan<char> rest)
    {
        var letters = 0;
        while (letters < rest.Length && char.IsAsciiLetter(rest[letters]))
        {
            letters++;
        }

        var word = rest[..letters];
        return rest.StartsWith("∞", StringComparison.Ordinal)
            || word.Equals("nan", StringComparison.OrdinalIgnoreCase)
            || word.Equals("inf", StringComparison.OrdinalIgnoreCase)
            || word.Equals("infinity", StringComparison.OrdinalIgnoreCase);
    }

    private static bool StartsNumber(ReadOnlySpan<char> s, int i) =>
        i < s.Length && (IsAsciiDigit(s[i]) || (s[i] == '.' && i + 1 < s.Length && IsAsciiDigit(s[i + 1])));

    private static Separator SeparatorKind(char c) => c switch
    {
        ',' => Separator.Comma,
        '\'' or '\u2019' => Separator.Apostrophe,
        ' ' or '\u00A0' or '\u2009' or '\u202F' => Separator.Space,
        _ => Separator.None,
    };

    private static bool IsSign(char c) => c is '-' or '+' or '\u2212';

    private static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    private static int CountDigits(ReadOnlySpan<char> s, int start)
    {
        var end = start;
        while (end < s.Length && IsAsciiDigit(s[end]))
        {
            end++;
        }

        return end - start;
    }

    private static int SkipWhiteSpace(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }
}

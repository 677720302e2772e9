using System.Globalization;

namespace CertPrep.Content.Expressions;

internal enum TokenKind
{
    Number,
    Identifier,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    LeftParen,
    RightParen,
    Comma,
    End,
}

/// <summary>One token of a formula: its kind, where it is in the text, and for numbers the value.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, double Value = 0)
{
    public int End => Start + Length;
}

/// <summary>Splits formula text into tokens, enforcing the length and token-count limits.</summary>
internal static class Lexer
{
    public static Token[] Tokenize(string text)
    {
        if (text.Length > Expression.MaxLength)
        {
            throw new ExpressionException(
                $"the formula is too long: {text.Length.ToString(CultureInfo.InvariantCulture)} characters (at most {Expression.MaxLength.ToString(CultureInfo.InvariantCulture)})",
                Expression.MaxLength,
                text.Length - Expression.MaxLength);
        }

        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                tokens.Add(new Token(TokenKind.End, i, 0));
                return [.. tokens];
            }

            var token = Read(text, i);
            if (tokens.Count == Expression.MaxTokens)
            {
                throw new ExpressionException(
                    $"the formula has too many tokens (at most {Expression.MaxTokens.ToString(CultureInfo.InvariantCulture)} numbers, names, operators and parentheses)",
                    token.Start,
                    token.Length);
            }

            tokens.Add(token);
            i = token.End;
        }
    }

    private static Token Read(string text, int start)
    {
        var c = text[start];
        switch (c)
        {
            case '+': return new Token(TokenKind.Plus, start, 1);
            case '-': return new Token(TokenKind.Minus, start, 1);
            case '*': return new Token(TokenKind.Star, start, 1);
            case '/': return new Token(TokenKind.Slash, start, 1);
            case '^': return new Token(TokenKind.Caret, start, 1);
            case '(': return new Token(TokenKind.LeftParen, start, 1);
            case ')': return new Token(TokenKind.RightParen, start, 1);
            case ',': return new Token(TokenKind.Comma, start, 1);
        }

        if (IsDigit(c) || (c == '.' && start + 1 < text.Length && IsDigit(text[start + 1])))
        {
            return ReadNumber(text, start);
        }

        if (IsIdentifierStart(c))
        {
            var end = start + 1;
            while (end < text.Length && IsIdentifierPart(text[end]))
            {
                end++;
            }

            return new Token(TokenKind.Identifier, start, end - start);
        }

        var length = char.IsHighSurrogate(c) && start + 1 < text.Length && char.IsLowSurrogate(text[start + 1]) ? 2 : 1;
        throw new ExpressionException($"unexpected character {Describe(text.Substring(start, length))}", start, length);
    }

    /// <summary>Digits with an optional fraction (or a leading '.'), then an optional exponent such as e6 or E-3.</summary>
    private static Token ReadNumber(string text, int start)
    {
        var end = SkipDigits(text, start);
        if (end < text.Length && text[end] == '.')
        {
            end = SkipDigits(text, end + 1);
        }

        if (end < text.Length && (text[end] == 'e' || text[end] == 'E'))
        {
            var afterE = end + 1;
            if (afterE < text.Length && (text[afterE] == '+' || text[afterE] == '-'))
            {
                afterE++;
            }

            // Without digits after it, the 'e' is not an exponent: "2e" is the number 2 followed by the name e.
            if (afterE < text.Length && IsDigit(text[afterE]))
            {
                end = SkipDigits(text, afterE);
            }
        }

        var value = double.Parse(
            text.AsSpan(start, end - start),
            NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw new ExpressionException(
                $"the number {text[start..end]} is too large", start, end - start);
        }

        return new Token(TokenKind.Number, start, end - start, value);
    }

    private static int SkipDigits(string text, int i)
    {
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || IsDigit(c);

    /// <summary>A character for a message: quoted when printable, as a code point otherwise.</summary>
    private static string Describe(string character) =>
        character.Length == 1 && (char.IsControl(character[0]) || char.IsWhiteSpace(character[0]) || char.IsSurrogate(character[0]))
            ? $"U+{((int)character[0]).ToString("X4", CultureInfo.InvariantCulture)}"
            : $"'{character}'";
}

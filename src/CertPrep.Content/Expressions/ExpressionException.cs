namespace CertPrep.Content.Expressions;

/// <summary>
/// A formula that cannot be parsed or evaluated. <see cref="Position"/> and <see cref="Length"/> locate the token
/// responsible (the offending token for syntax errors, the operator or function name for evaluation errors) so an
/// authoring page can highlight it.
/// </summary>
public sealed class ExpressionException : Exception
{
    /// <summary>Creates the exception for the token at <paramref name="position"/> spanning <paramref name="length"/> characters.</summary>
    /// <param name="message">What is wrong, in words an author understands.</param>
    /// <param name="position">0-based character index of the token in the formula text.</param>
    /// <param name="length">Number of characters of the token; 0 when it is the end of the text.</param>
    public ExpressionException(string message, int position, int length)
        : base(message)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Position = position;
        Length = length;
    }

    /// <summary>0-based character index in the formula text of the token responsible for the error.</summary>
    public int Position { get; }

    /// <summary>Number of characters of that token; 0 when the problem is the end of the text.</summary>
    public int Length { get; }
}

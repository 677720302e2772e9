namespace CertPrep.Domain.Practice;

/// <summary>What one learner has done with one question so far.</summary>
/// <param name="TimesAnswered">How many times the learner has answered the question (0 when never).</param>
/// <param name="LastAnsweredUtc">When the learner last answered it, in UTC; null when never.</param>
/// <param name="LastCorrect">Whether the last answer was correct; null when never answered or not graded.</param>
/// <param name="EverIncorrect">True when at least one of the learner's answers to it was incorrect.</param>
public sealed record QuestionHistory(int TimesAnswered, DateTime? LastAnsweredUtc, bool? LastCorrect, bool EverIncorrect)
{
    /// <summary>The history of a question the learner has never answered.</summary>
    public static QuestionHistory None { get; } = new(0, null, null, false);

    /// <summary>True when the learner has never answered the question.</summary>
    public bool IsUnseen => TimesAnswered == 0 && LastAnsweredUtc is null;

    /// <summary>True when the learner has answered the question incorrectly at least once (the last time or earlier).</summary>
    public bool WasEverIncorrect => EverIncorrect || LastCorrect == false;
}

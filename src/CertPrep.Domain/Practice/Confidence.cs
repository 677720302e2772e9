namespace CertPrep.Domain.Practice;

/// <summary>How sure the learner was of an answer, given with the answer.</summary>
public enum Confidence
{
    /// <summary>Knew it.</summary>
    Sure = 1,

    /// <summary>Thought so, but was not certain.</summary>
    Unsure = 2,

    /// <summary>Guessed.</summary>
    Guessing = 3,
}

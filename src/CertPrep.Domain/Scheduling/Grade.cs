namespace CertPrep.Domain.Scheduling;

/// <summary>How well a review went, on FSRS's four-point scale.</summary>
public enum Grade
{
    /// <summary>Forgotten (a wrong answer).</summary>
    Again = 1,

    /// <summary>Remembered with serious difficulty.</summary>
    Hard = 2,

    /// <summary>Remembered.</summary>
    Good = 3,

    /// <summary>Remembered with no effort.</summary>
    Easy = 4,
}

/// <summary>Where a card is in its life.</summary>
public enum CardState
{
    /// <summary>Never reviewed.</summary>
    New = 0,

    /// <summary>In its first learning steps (minutes apart).</summary>
    Learning = 1,

    /// <summary>Graduated: reviewed days apart.</summary>
    Review = 2,

    /// <summary>Forgotten after graduating, going through the relearning steps.</summary>
    Relearning = 3,
}

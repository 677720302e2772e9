using CertPrep.Domain.Practice;
using CertPrep.Domain.Scheduling;

namespace CertPrep.Web.Reviews;

/// <summary>What a card asks.</summary>
public enum CardKind
{
    /// <summary>A question the learner has answered: re-tested with shuffled options and new numbers.</summary>
    Question = 1,

    /// <summary>A glossary term: the term is shown, the learner recalls its definition.</summary>
    TermToDefinition = 2,

    /// <summary>A glossary term: the definition is shown, the learner recalls the term.</summary>
    DefinitionToTerm = 3,
}

/// <summary>Where a review came from.</summary>
public enum ReviewSource
{
    Practice = 1,
    Exam = 2,
    Review = 3,
}

/// <summary>One learner's spaced-repetition card for a question or a glossary term (FSRS state in columns).</summary>
public sealed class ReviewCard
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public CardKind Kind { get; set; }

    /// <summary>Question id or glossary term id.</summary>
    public required string ItemId { get; set; }

    /// <summary>The credential the card was met in; its enrolment's exam date plans the card.</summary>
    public required string CredentialId { get; set; }

    /// <summary>Related cards (same topic) are kept off the same day when possible.</summary>
    public string? Topic { get; set; }

    public CardState State { get; set; }

    public double Stability { get; set; }

    public double Difficulty { get; set; }

    public int Step { get; set; }

    public int Reps { get; set; }

    public int Lapses { get; set; }

    public DateTime? LastReviewUtc { get; set; }

    public int LastReviewDay { get; set; }

    public int ElapsedDays { get; set; }

    public int ScheduledDays { get; set; }

    public DateTime DueUtc { get; set; }

    public int DueDay { get; set; }

    /// <summary>Fixed per card: seeds the fuzz and, with the review count, the option order and numbers.</summary>
    public long Seed { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>One review of a card, with the state before it so the learner can undo it.</summary>
public sealed class ReviewLog
{
    public long Id { get; set; }

    public long CardId { get; set; }

    public ReviewCard? Card { get; set; }

    public required string UserId { get; set; }

    public DateTime ReviewedUtc { get; set; }

    public int Day { get; set; }

    public Grade Grade { get; set; }

    public ReviewSource Source { get; set; }

    /// <summary>The card's first review: counts against the daily limit of new cards.</summary>
    public bool WasNew { get; set; }

    public bool? Correct { get; set; }

    public Confidence? Confidence { get; set; }

    public int? TimeMs { get; set; }

    /// <summary>The question type, for the learner's median time per type.</summary>
    public string? QuestionType { get; set; }

    /// <summary>A review-session answer: the seed the question was shown with and what was chosen (for feedback).</summary>
    public int? ItemSeed { get; set; }

    public long? QuestionVersionId { get; set; }

    public string? Choices { get; set; }

    public string? NumericText { get; set; }

    public int ScheduledDays { get; set; }

    public double Stability { get; set; }

    public double Difficulty { get; set; }

    /// <summary>The card before this review (JSON), restored by undo.</summary>
    public required string PreviousJson { get; set; }
}

/// <summary>A learner's spaced-repetition settings.</summary>
public sealed class StudySettings
{
    public const double DefaultExamTarget = 0.90;
    public const int DefaultNewPerDay = 20;
    public const int DefaultReviewsPerDay = 200;

    public required string UserId { get; set; }

    public double DesiredRetention { get; set; } = 0.90;

    public double ExamTarget { get; set; } = DefaultExamTarget;

    public int NewPerDay { get; set; } = DefaultNewPerDay;

    public int ReviewsPerDay { get; set; } = DefaultReviewsPerDay;

    /// <summary>Seven letters, Sunday first: N normal, R reduced, X none.</summary>
    public string EasyDays { get; set; } = "NNNNNNN";

    /// <summary>IANA time zone id.</summary>
    public string TimeZone { get; set; } = "UTC";

    public int DayStartMinutes { get; set; } = 4 * 60;

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>A learner's prepared day: the queue in priority order and the forecast, written by the daily job.</summary>
public sealed class ReviewDay
{
    public required string UserId { get; set; }

    public int Day { get; set; }

    public DateTime PreparedUtc { get; set; }

    public int DueCount { get; set; }

    public bool NewCardsAllowed { get; set; }

    /// <summary>Card ids in the order they will be shown (JSON array).</summary>
    public required string QueueJson { get; set; }

    /// <summary>The forecast (JSON): reviews per day and predicted exam-day recall.</summary>
    public required string ForecastJson { get; set; }
}

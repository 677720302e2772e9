using CertPrep.Domain.Practice;
namespace CertPrep.Web.Attempts;

/// <summary>Tutor-mode practice (feedback after every answer) or a timed mock exam (feedback after submit).</summary>
public enum AttemptKind
{
    Practice = 1,
    Exam = 2,
}

/// <summary>Why the learner thinks an answer was wrong (asked after a miss).</summary>
public enum MissReason
{
    DidNotKnow = 1,
    Misread = 2,
    CalculationSlip = 3,
    RanOutOfTime = 4,
}

/// <summary>One practice quiz or mock exam of one learner. Items are fixed when it starts.</summary>
public sealed class Attempt
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public AttemptKind Kind { get; set; }

    public required string CredentialId { get; set; }

    /// <summary>The exam form simulated (exams) or null (practice).</summary>
    public string? FormId { get; set; }

    /// <summary>Full, Half or Quarter for exams; null for practice.</summary>
    public string? FormLength { get; set; }

    public required string Title { get; set; }

    /// <summary>The seed the form or quiz was drawn with.</summary>
    public int Seed { get; set; }

    public DateTime StartedUtc { get; set; }

    /// <summary>When an exam must be submitted; enforced on the server. Null for practice.</summary>
    public DateTime? DeadlineUtc { get; set; }

    public int? TimeLimitMinutes { get; set; }

    public DateTime? SubmittedUtc { get; set; }

    /// <summary>True when the server submitted the exam because time ran out.</summary>
    public bool AutoSubmitted { get; set; }

    /// <summary>The item last shown, and when: time until the next answer or navigation is credited to it.</summary>
    public int? LastPosition { get; set; }

    public DateTime? LastActivityUtc { get; set; }

    /// <summary>Scored items and correct answers, written at submit (exams) for history lists.</summary>
    public int? ScoredItems { get; set; }

    public int? Correct { get; set; }

    /// <summary>How the attempt was built (quiz request, planned and actual items per domain) as JSON.</summary>
    public required string SettingsJson { get; set; }

    public List<AttemptItem> Items { get; set; } = [];
}

/// <summary>One question of an attempt, the version shown and the learner's current answer.</summary>
public sealed class AttemptItem
{
    public long AttemptId { get; set; }

    /// <summary>1-based position in the attempt.</summary>
    public int Position { get; set; }

    public required string QuestionId { get; set; }

    public long QuestionVersionId { get; set; }

    public required string DomainId { get; set; }

    /// <summary>An unscored pretest item (exams), not identified to the learner until the report.</summary>
    public bool IsPretest { get; set; }

    /// <summary>Seed of the option order and of a calculated question's numbers, so a review shows the same.</summary>
    public int Seed { get; set; }

    /// <summary>Chosen options as written (not displayed) indexes, comma-separated and sorted; null when not answered.</summary>
    public string? Choices { get; set; }

    /// <summary>A numeric answer as the learner typed it.</summary>
    public string? NumericText { get; set; }

    public bool? IsCorrect { get; set; }

    /// <summary>Incremented by every change of the answer; tells two tabs apart.</summary>
    public int Revision { get; set; }

    public DateTime? AnsweredUtc { get; set; }

    public int TimeSpentMs { get; set; }

    public bool Flagged { get; set; }

    public Confidence? Confidence { get; set; }

    public MissReason? MissReason { get; set; }

    /// <summary>Why an adaptive session chose this item ("weakest domain: Inventory", "due review").</summary>
    public string? SelectionReason { get; set; }

    public bool IsAnswered => Choices is not null || NumericText is not null;
}

/// <summary>A learner's own flag and private note on a question, across attempts.</summary>
public sealed class QuestionMark
{
    public required string UserId { get; set; }

    public required string QuestionId { get; set; }

    public bool Flagged { get; set; }

    public string? Note { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>A learner's report of a problem with one version of a question, for the authors' queue.</summary>
public sealed class ProblemReport
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string QuestionId { get; set; }

    public long QuestionVersionId { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? ClosedUtc { get; set; }

    public string? ClosedByUserId { get; set; }

    public string? Resolution { get; set; }
}

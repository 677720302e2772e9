using System.Globalization;
using System.Text.RegularExpressions;
using CertPrep.Content.Expressions;
using CertPrep.Content.Model;

namespace CertPrep.Content.Tests.Corpus;

/// <summary>
/// Every number a learner is scored on in <c>content/</c> is recomputed here. Calculated questions are recomputed by
/// the validator over their whole range; numeric questions and single answer questions whose options are all numbers
/// carry a first-principles formula in <c>Corpus/WorkedAnswers/*.txt</c>, and these tests hold the written key to it.
/// </summary>
public sealed partial class WorkedAnswersTests
{
    private static readonly Lazy<IReadOnlyList<WorkedAnswer>> Answers = new(() => WorkedAnswerFile.ReadAll(RepositoryTree.WorkedAnswers));

    [Fact]
    public void EveryNumericQuestion_AndEveryAllNumberChoiceQuestion_HasAWorkedAnswer()
    {
        var checkedIds = Answers.Value.Select(a => a.QuestionId).ToHashSet(StringComparer.Ordinal);

        var missing = RepositoryTree.Library.Questions
            .Where(NeedsWorkedAnswer)
            .Where(q => !checkedIds.Contains(q.Id))
            .Select(q => $"{q.Location}: {q.Id} ({q.Type})")
            .ToList();

        missing.ShouldBeEmpty("questions whose key is a number need a line in tests/CertPrep.Content.Tests/Corpus/WorkedAnswers/");
    }

    [Fact]
    public void WorkedAnswers_NameExistingQuestionsOnce_AndOnlyQuestionsTheValidatorDoesNotRecompute()
    {
        var questions = RepositoryTree.Library.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var group in Answers.Value.GroupBy(a => a.QuestionId, StringComparer.Ordinal))
        {
            if (group.Count() > 1)
            {
                problems.Add($"{string.Join(", ", group.Select(a => a.Location))}: {group.Key} is checked more than once");
            }

            var answer = group.First();
            if (!questions.TryGetValue(answer.QuestionId, out var question))
            {
                problems.Add($"{answer.Location}: no question {answer.QuestionId} in content/");
            }
            else if (question.Type is QuestionType.Calculated or QuestionType.Multiple)
            {
                problems.Add($"{answer.Location}: {answer.QuestionId} is {question.Type}; only numeric and single answer questions are checked here");
            }
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void EveryWrittenKey_MatchesItsRecomputation()
    {
        Answers.Value.Count.ShouldBeGreaterThan(0, "without worked answers this test would check nothing");
        var questions = RepositoryTree.Library.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var answer in Answers.Value)
        {
            if (!questions.TryGetValue(answer.QuestionId, out var question))
            {
                continue; // reported by the test above
            }

            double expected;
            try
            {
                expected = answer.Evaluate();
            }
            catch (Exception ex) when (ex is ExpressionException or FormatException)
            {
                problems.Add($"{answer.Location}: the formula '{answer.Formula}' fails: {ex.Message}");
                continue;
            }

            var problem = question.Type switch
            {
                QuestionType.Numeric => CheckNumeric(question, expected),
                QuestionType.Single => CheckChoice(question, expected),
                _ => null,
            };
            if (problem is not null)
            {
                problems.Add($"{answer.Location} ({question.Location}): {answer.QuestionId}: {problem}");
            }
        }

        problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("$1,234.50 per year", 1234.5, 2)]
    [InlineData("12.5%", 12.5, 1)]
    [InlineData("**224** units", 224, 0)]
    [InlineData("−3.2 (bias)", -3.2, 1)]
    [InlineData("-0.75", -0.75, 2)]
    [InlineData("0.83, job E", 0.83, 2)]
    public void LeadingNumber_IsReadAsWritten(string text, double value, int decimals)
    {
        LeadingNumber(text).ShouldBe((value, decimals));
    }

    /// <summary>Numeric questions, and single answer questions whose every option starts with a number.</summary>
    internal static bool NeedsWorkedAnswer(Question question) =>
        question.Type == QuestionType.Numeric
        || (question.Type == QuestionType.Single && question.Options.All(o => LeadingNumber(o.Text) is not null));

    private static string? CheckNumeric(Question question, double expected)
    {
        var key = question.Answer!;
        return NumericAnswer.Accepts(key.Value, expected, key.Tolerance, key.Relative)
            ? null
            : $"the key {key.Value.ToString(CultureInfo.InvariantCulture)} does not accept the recomputed {expected.ToString("R", CultureInfo.InvariantCulture)} (tolerance {key.Tolerance.ToString(CultureInfo.InvariantCulture)}{(key.Relative ? " relative" : string.Empty)})";
    }

    private static string? CheckChoice(Question question, double expected)
    {
        var key = question.Options.Single(o => o.IsKey);
        if (LeadingNumber(key.Text) is not var (value, decimals))
        {
            return $"the key '{key.Text}' does not start with a number";
        }

        // The key shows the recomputed value rounded to the decimals it is written with.
        var halfStep = 0.5 * Math.Pow(10, -decimals);
        if (Math.Abs(value - expected) > halfStep + (1e-9 * Math.Max(1, Math.Abs(expected))))
        {
            return $"the key '{key.Text}' is not the recomputed {expected.ToString("R", CultureInfo.InvariantCulture)} rounded to {decimals} decimals";
        }

        var sameAsKey = question.Options.Where(o => !o.IsKey && LeadingNumber(o.Text) is var (v, _) && v == value).Select(o => o.Text).ToList();
        return sameAsKey.Count == 0 ? null : $"distractors show the key's number: {string.Join("; ", sameAsKey)}";
    }

    /// <summary>The number an option starts with (after emphasis, a sign and a currency symbol) and its decimals.</summary>
    internal static (double Value, int Decimals)? LeadingNumber(string text)
    {
        var match = LeadingNumberPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var digits = match.Groups["digits"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
        var value = double.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var dot = digits.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : digits.Length - dot - 1;
        return (match.Groups["sign"].Success && match.Groups["sign"].Length > 0 ? -value : value, decimals);
    }

    [GeneratedRegex(@"^\s*(?:\*\*|__)?\s*(?<sign>[-−])?\s*[$€£]?\s*(?<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d|,\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNumberPattern();
}

using System.Text.RegularExpressions;
using CertPrep.Content.Model;

namespace CertPrep.Content.Tests.Corpus;

/// <summary>
/// The CPIM and CSCP content in <c>content/</c> meets the bar the content issue sets: the credentials' facts stored
/// as known, one module of at least 1,500 words per domain with worked examples, a table, key terms and exam tips,
/// at least 30 questions per domain in the required mix, case sets with exhibits, questions shared between the two
/// credentials written once, and at least 200 glossary terms that the modules teach.
/// </summary>
public sealed partial class AscmContentTests
{
    private const int MinimumQuestionsPerDomain = 30;
    private const int MinimumModuleWords = 1_500;

    /// <summary>Domains where the outline is full of calculations: a quarter of their questions are numeric or calculated.</summary>
    private static readonly HashSet<string> CalculationDomains =
    [
        "cpim/demand", "cpim/supply", "cpim/schedules", "cpim/inventory",
        "cscp/demand", "cscp/sourcing", "cscp/operations", "cscp/logistics",
    ];

    private static ContentLibrary Library => RepositoryTree.Library;

    public static TheoryData<string> Credentials => new() { "cpim", "cscp" };

    [Fact]
    public void Cpim_HasItsEightModulesAsDomains_WithTheV7WeightsAsAFlaggedPlaceholder()
    {
        var cpim = Credential("cpim");

        cpim.Domains.Select(d => d.Id).ShouldBe(["strategy", "sop", "demand", "supply", "schedules", "inventory", "distribution", "quality"]);
        cpim.Domains.Select(d => d.Weight.Percent).ShouldBe([22, 10, 9, 16, 12, 14, 3, 14]);
        cpim.Domains.ShouldAllBe(d => !d.Weight.Confirmed && d.Weight.Source.Contains("PLACEHOLDER") && d.Weight.Source.Contains("v7.0"));
        cpim.Outline.Value.ShouldBe("8.0");
        ShouldBeAscmForm(cpim.DefaultForm);
    }

    [Fact]
    public void Cscp_HasItsEightSections_WithOnlyTheFourPublishedWeightsConfirmed()
    {
        var cscp = Credential("cscp");

        cscp.Domains.Select(d => d.Id).ShouldBe(["demand", "network", "sourcing", "operations", "logistics", "relationships", "risk", "optimization"]);
        cscp.Domains.Take(4).Select(d => d.Weight.Percent).ShouldBe([10, 10, 17, 19]);
        cscp.Domains.Take(4).ShouldAllBe(d => d.Weight.Confirmed);
        cscp.Domains.Skip(4).ShouldAllBe(d => !d.Weight.Confirmed && d.Weight.Source.Contains("PLACEHOLDER"));
        cscp.Domains.Skip(4).Sum(d => d.Weight.Percent ?? 0).ShouldBe(44);
        ShouldBeAscmForm(cscp.DefaultForm);
    }

    [Theory]
    [MemberData(nameof(Credentials))]
    public void EveryDomain_HasOneModule_OfAtLeast1500Words(string credential)
    {
        var modules = Library.Modules.Where(m => m.Credential == credential).ToList();

        foreach (var domain in Credential(credential).Domains)
        {
            var teaching = modules.Where(m => m.Domains.Contains(domain.Id)).ToList();
            teaching.Count.ShouldBe(1, $"{credential}/{domain.Id} is taught by one module");
            var words = CorpusRules.Words(teaching[0].Markdown);
            words.ShouldBeGreaterThanOrEqualTo(MinimumModuleWords, $"{teaching[0].Location.Path} has {words} words");
        }

        modules.Count.ShouldBe(Credential(credential).Domains.Count);
    }

    [Theory]
    [MemberData(nameof(Credentials))]
    public void EveryModule_HasTwoWorkedExamples_ATable_KeyTerms_AndAnExamTipsCallout(string credential)
    {
        var problems = Library.Modules.Where(m => m.Credential == credential).SelectMany(m => CorpusRules.ModuleProblems(m)).ToList();

        problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Credentials))]
    public void EveryDomain_HasAtLeast30Questions_InTheRequiredMix(string credential)
    {
        var problems = Credential(credential).Domains
            .Select(d => $"{credential}/{d.Id}")
            .SelectMany(key => CorpusRules.MixProblems(Library, key, MinimumQuestionsPerDomain, CalculationDomains.Contains(key) ? 0.25 : 0))
            .ToList();

        problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Credentials))]
    public void Credential_HasAtLeastTwoCaseSets_EachAnExhibitWithSeveralQuestions(string credential)
    {
        var cases = CorpusRules.CasesOf(Library, credential);

        cases.Count.ShouldBeGreaterThanOrEqualTo(2);
        cases.ShouldAllBe(c => c.QuestionIds.Count >= 2);
        cases.Count(c => CorpusRules.HasExhibit(c.Stem))
            .ShouldBeGreaterThanOrEqualTo(2, "case sets show an exhibit: a table or an image");
    }

    [Theory]
    [InlineData("cpim/inventory", "cscp/operations")]
    [InlineData("cpim/demand", "cscp/demand")]
    [InlineData("cpim/sop", "cscp/demand")]
    [InlineData("cpim/quality", "cscp/optimization")]
    public void SharedTopics_AreWrittenOnce_AndMappedToBothCredentials(string cpimDomain, string cscpDomain)
    {
        var shared = Library.Questions.Count(q =>
            q.Domains.Any(d => d.ToString() == cpimDomain) && q.Domains.Any(d => d.ToString() == cscpDomain));

        shared.ShouldBeGreaterThanOrEqualTo(5, $"questions serving both {cpimDomain} and {cscpDomain}");
    }

    [Fact]
    public void Glossary_HasAtLeast200TermsForTheTwoCredentials_EachTaughtByAModule()
    {
        var terms = Library.Terms.Where(t => t.Credentials.Contains("cpim") || t.Credentials.Contains("cscp")).ToList();
        var taught = Library.Modules.SelectMany(m => m.KeyTerms).ToHashSet(StringComparer.Ordinal);

        terms.Count.ShouldBeGreaterThanOrEqualTo(200);
        terms.Where(t => !taught.Contains(t.Id)).Select(t => $"{t.Location.Path}: {t.Id}").ShouldBeEmpty("terms no module lists in keyTerms");
        terms.Where(t => CorpusRules.Words(t.Definition) < 8).Select(t => $"{t.Location.Path}: {t.Id}").ShouldBeEmpty("definitions of a sentence at least");
    }

    [Fact]
    public void Content_HasNeitherErrorsNorWarnings()
    {
        Library.Diagnostics.Select(d => d.ToString()).ShouldBeEmpty();
        Library.RejectedFiles.ShouldBeEmpty();
    }

    [Fact]
    public void Questions_AreNotDuplicated()
    {
        var duplicates = Library.Questions
            .GroupBy(q => Normalized(q.Stem + string.Join("|", q.Options.Select(o => o.Text).Order(StringComparer.Ordinal))), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(", ", g.Select(q => q.Id)))
            .ToList();

        duplicates.ShouldBeEmpty();
    }

    [Fact]
    public void Questions_FollowTheStyleRules()
    {
        var problems = new List<string>();
        foreach (var question in Library.Questions)
        {
            var where = $"{question.Location.Path}:{question.Location.Line} {question.Id}";
            if (string.IsNullOrWhiteSpace(question.Source))
            {
                problems.Add($"{where}: no source");
            }

            foreach (Match negative in CapitalNegative().Matches(question.Stem))
            {
                if (!IsBold(question.Stem, negative))
                {
                    problems.Add($"{where}: '{negative.Value}' in the stem is not bold");
                }
            }

            if (question.Options.Any(o => AllOrNoneOfTheAbove().IsMatch(o.Text) && !o.Pinned))
            {
                problems.Add($"{where}: 'all/none of the above' must be pinned");
            }

            if (question.Options.Any(o => string.IsNullOrWhiteSpace(o.Rationale)) || string.IsNullOrWhiteSpace(question.Explanation))
            {
                problems.Add($"{where}: an option without rationale, or no explanation");
            }
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Keys_AreNotGivenAwayByBeingTheLongestOption()
    {
        // With four options chance makes the key the longest about a quarter of the time; writers tend to pack the
        // key with qualifiers, which test-wise learners exploit. At most 40% per question file.
        var problems = Library.Questions
            .Where(q => q.Type == QuestionType.Single && !WorkedAnswersTests.NeedsWorkedAnswer(q))
            .GroupBy(q => q.Location.Path, StringComparer.Ordinal)
            .Where(file => file.Count() >= 10)
            .Select(file => (Path: file.Key, Count: file.Count(), Longest: file.Count(KeyIsTheLongestOption)))
            .Where(file => file.Longest > 0.40 * file.Count)
            .Select(file => $"{file.Path}: the key is the longest option in {file.Longest} of {file.Count} questions")
            .ToList();

        problems.ShouldBeEmpty();
    }

    private static bool KeyIsTheLongestOption(Question question)
    {
        var key = question.Options.Single(o => o.IsKey).Text.Length;
        return question.Options.Where(o => !o.IsKey).All(o => o.Text.Length < key);
    }

    private static void ShouldBeAscmForm(ExamForm form)
    {
        form.Items.Value.ShouldBe(150);
        form.ScoredItems.Value.ShouldBe(130);
        form.PretestItems.Value.ShouldBe(20);
        form.Minutes.Value.ShouldBe(210);
        form.ScoreScale.Value.ShouldBe("200-350");
        form.PassMark.Value.ShouldBe("300");
        form.OpenBook.Value.ShouldBeFalse();
    }

    private static Credential Credential(string id) =>
        Library.Credentials.SingleOrDefault(c => c.Id == id) ?? throw new ShouldAssertException($"content/{id}/credential.yml is missing or has errors");

    private static string Normalized(string text) => Whitespace().Replace(text.ToLowerInvariant(), " ").Trim();

    private static bool IsBold(string text, Match match) =>
        match.Index >= 2 && text.AsSpan(match.Index - 2, 2).SequenceEqual("**")
        && match.Index + match.Length + 2 <= text.Length && text.AsSpan(match.Index + match.Length, 2).SequenceEqual("**");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(NOT|EXCEPT|LEAST)\b")]
    private static partial Regex CapitalNegative();

    [GeneratedRegex(@"^\s*(all|none) of the above\b", RegexOptions.IgnoreCase)]
    private static partial Regex AllOrNoneOfTheAbove();
}

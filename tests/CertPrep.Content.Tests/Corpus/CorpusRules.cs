using System.Text.RegularExpressions;
using CertPrep.Content.Model;

namespace CertPrep.Content.Tests.Corpus;

/// <summary>The editorial bar shared by the credentials' corpus tests (each test class supplies its own numbers).</summary>
internal static partial class CorpusRules
{
    /// <summary>What a study module lacks: two worked examples, a table, an exam-tips callout, key terms, objectives.</summary>
    public static IEnumerable<string> ModuleProblems(StudyModule module, int minimumKeyTerms = 8)
    {
        var path = module.Location.Path;
        var examples = WorkedExample().Count(module.Markdown);
        if (examples < 2)
        {
            yield return $"{path}: {examples} worked examples";
        }

        if (!HasTable(module.Markdown))
        {
            yield return $"{path}: no table";
        }

        if (!ExamTips().IsMatch(module.Markdown))
        {
            yield return $"{path}: no '> [!TIP] Exam tips' callout";
        }

        if (module.KeyTerms.Count < minimumKeyTerms)
        {
            yield return $"{path}: {module.KeyTerms.Count} key terms";
        }

        if (module.Objectives.Count < 4)
        {
            yield return $"{path}: {module.Objectives.Count} learning objectives";
        }
    }

    /// <summary>
    /// What a domain's questions lack: the minimum count, 20% easy, 20% hard, 40% at apply or analyze, and (for
    /// calculation domains) the given share of numeric or calculated questions.
    /// </summary>
    public static IEnumerable<string> MixProblems(ContentLibrary library, string domainKey, int minimum, double numericShare)
    {
        var questions = library.Questions.Where(q => q.Domains.Any(d => d.ToString() == domainKey)).ToList();
        var count = questions.Count;
        if (count < minimum)
        {
            yield return $"{domainKey}: {count} questions, fewer than {minimum}";
            yield break;
        }

        var parts = new List<(int Part, double Share, string What)>
        {
            (questions.Count(q => q.Difficulty == Difficulty.Easy), 0.20, "easy"),
            (questions.Count(q => q.Difficulty == Difficulty.Hard), 0.20, "hard"),
            (questions.Count(q => q.Bloom is BloomLevel.Apply or BloomLevel.Analyze), 0.40, "at apply or analyze level"),
        };
        if (numericShare > 0)
        {
            parts.Add((questions.Count(q => q.Type is QuestionType.Numeric or QuestionType.Calculated), numericShare, "numeric or calculated"));
        }

        foreach (var (part, share, what) in parts.Where(p => p.Part < p.Share * count))
        {
            yield return $"{domainKey}: {part} of {count} questions {what}, fewer than {share:P0}";
        }
    }

    /// <summary>Case sets whose questions serve the credential.</summary>
    public static List<CaseSet> CasesOf(ContentLibrary library, string credential)
    {
        var questionsById = library.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        return [.. library.Cases.Where(c => c.QuestionIds.Any(id => questionsById.TryGetValue(id, out var q) && q.Domains.Any(d => d.Credential == credential)))];
    }

    /// <summary>An exhibit: a table or an image.</summary>
    public static bool HasExhibit(string markdown) => HasTable(markdown) || markdown.Contains("![", StringComparison.Ordinal);

    public static bool HasTable(string markdown) => TableSeparator().IsMatch(markdown);

    public static int Words(string markdown) => Word().Count(markdown);

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}'’-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"^>\s*\[!EXAMPLE\]\s*Worked example:", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex WorkedExample();

    [GeneratedRegex(@"^>\s*\[!TIP\]\s*Exam tips", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ExamTips();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$", RegexOptions.Multiline)]
    private static partial Regex TableSeparator();
}

using CertPrep.Content.Model;

namespace CertPrep.Content.Tests.Corpus;

/// <summary>
/// The Lean Six Sigma content meets the bar of the Lean Six Sigma content issue: ASQ CSSGB/CSSBB facts with IASSC as an
/// alternative form, a module of at least 1,500 words per domain plus a formula sheet per credential, 30 questions
/// per Green Belt domain and 25 per Black Belt domain in the required mix, three case sets per credential, questions
/// shared by both belts written once, and at least 150 Lean Six Sigma glossary terms taught by the modules.
/// </summary>
public sealed class LssContentTests
{
    private const string GreenBelt = "lss-green-belt";
    private const string BlackBelt = "lss-black-belt";
    private static readonly string[] Phases = ["define", "measure", "analyze", "improve", "control"];
    private static readonly HashSet<string> CalculationPhases = ["measure", "analyze", "improve", "control"];

    private static ContentLibrary Library => RepositoryTree.Library;

    public static TheoryData<string> Credentials => new() { GreenBelt, BlackBelt };

    [Fact]
    public void GreenBelt_HasTheCssgbCounts_AndTheIasscForm()
    {
        var gb = Credential(GreenBelt);

        gb.Domains.Select(d => d.Id).ShouldBe(["overview", "define", "measure", "analyze", "improve", "control"]);
        gb.Domains.Select(d => d.Weight.Items).ShouldBe([11, 20, 20, 18, 16, 15]);
        gb.Domains.ShouldAllBe(d => d.Weight.Confirmed);
        ShouldBeForms(gb, asqItems: 110, asqScored: 100, iasscItems: 100, iasscMinutes: 180);
    }

    [Fact]
    public void BlackBelt_HasTheCssbbCountsStoredAsUnconfirmed_AndTheIasscForm()
    {
        var bb = Credential(BlackBelt);

        bb.Domains.Select(d => d.Id).ShouldBe(["deployment", "process-management", "team", "define", "measure", "analyze", "improve", "control", "dfss"]);
        bb.Domains.Select(d => d.Weight.Items).ShouldBe([12, 10, 16, 20, 25, 22, 21, 17, 7]);
        bb.Domains.ShouldAllBe(d => !d.Weight.Confirmed);
        ShouldBeForms(bb, asqItems: 165, asqScored: 150, iasscItems: 150, iasscMinutes: 240);
    }

    [Theory]
    [MemberData(nameof(Credentials))]
    public void EveryDomain_HasAModuleOfAtLeast1500Words_AndTheCredentialAFormulaSheet(string credential)
    {
        var modules = Library.Modules.Where(m => m.Credential == credential).ToList();
        var sheets = modules.Where(IsFormulaSheet).ToList();
        var studies = modules.Except(sheets).ToList();

        sheets.Count.ShouldBe(1, "one formula sheet module per credential (ASQ exams are open book)");
        CorpusRules.HasTable(sheets[0].Markdown).ShouldBeTrue();
        foreach (var domain in Credential(credential).Domains)
        {
            var teaching = studies.Where(m => m.Domains.Contains(domain.Id)).ToList();
            teaching.Count.ShouldBe(1, $"{credential}/{domain.Id} is taught by one study module");
            CorpusRules.Words(teaching[0].Markdown).ShouldBeGreaterThanOrEqualTo(1500, teaching[0].Location.Path);
        }

        studies.SelectMany(m => CorpusRules.ModuleProblems(m)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Credentials))]
    public void EveryDomain_HasItsQuestionCount_InTheRequiredMix(string credential)
    {
        var minimum = credential == GreenBelt ? 30 : 25;

        var problems = Credential(credential).Domains
            .SelectMany(d => CorpusRules.MixProblems(Library, $"{credential}/{d.Id}", minimum, CalculationPhases.Contains(d.Id) ? 0.30 : 0))
            .ToList();

        problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Credentials))]
    public void Credential_HasAtLeastThreeCaseSets_WithExhibits(string credential)
    {
        var cases = CorpusRules.CasesOf(Library, credential);

        cases.Count(c => CorpusRules.HasExhibit(c.Stem) && c.QuestionIds.Count >= 2).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void PhaseQuestions_AreWrittenOnce_AndServeBothBelts()
    {
        foreach (var phase in Phases)
        {
            Library.Questions.Count(q => q.Domains.Any(d => d.ToString() == $"{GreenBelt}/{phase}") && q.Domains.Any(d => d.ToString() == $"{BlackBelt}/{phase}"))
                .ShouldBeGreaterThanOrEqualTo(20, $"{phase} questions serving both belts");
        }
    }

    [Fact]
    public void Glossary_HasAtLeast150LeanSixSigmaTerms_EachTaughtByAModule()
    {
        var terms = Library.Terms.Where(t => t.Credentials.Contains(GreenBelt) || t.Credentials.Contains(BlackBelt)).ToList();
        var taught = Library.Modules.SelectMany(m => m.KeyTerms).ToHashSet(StringComparer.Ordinal);

        terms.Count.ShouldBeGreaterThanOrEqualTo(150);
        terms.Where(t => !taught.Contains(t.Id)).Select(t => $"{t.Location.Path}: {t.Id}").ShouldBeEmpty();
    }

    private static bool IsFormulaSheet(StudyModule module) => module.Title.Contains("formula sheet", StringComparison.OrdinalIgnoreCase);

    private static void ShouldBeForms(Credential credential, int asqItems, int asqScored, int iasscItems, int iasscMinutes)
    {
        var asq = credential.DefaultForm;
        asq.Id.ShouldBe("asq");
        (asq.Items.Value, asq.ScoredItems.Value, asq.Minutes.Value, asq.PassMark.Value, asq.OpenBook.Value).ShouldBe((asqItems, asqScored, 258, "550", true));
        var iassc = credential.Forms.Single(f => f.Id == "iassc");
        (iassc.Items.Value, iassc.Minutes.Value, iassc.ScoreScale.Value, iassc.PassMark.Value, iassc.OpenBook.Value).ShouldBe((iasscItems, iasscMinutes, "percent", "70%", false));
    }

    private static Credential Credential(string id) =>
        Library.Credentials.SingleOrDefault(c => c.Id == id) ?? throw new ShouldAssertException($"content/{id}/credential.yml is missing or has errors");
}

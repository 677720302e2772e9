using CertPrep.Authoring.Commands;
using CertPrep.Authoring.Tests.TestSupport;

namespace CertPrep.Authoring.Tests.Commands;

public sealed class NewCommandTests
{
    private static CommandResult New(params string[] args) => CommandRunner.Run((o, e) => new NewCommand(o, e), args);

    private static CommandResult Check(string root) => CommandRunner.Run((o, e) => new CheckCommand(o, e), root);

    private static void ShouldPassCheck(TempContent content, params string[] allowedWarningCodes)
    {
        var check = Check(content.Root);
        check.ExitCode.ShouldBe(0, check.ToString());
        check.OutLines.SkipLast(1).ShouldAllBe(l => allowedWarningCodes.Any(code => l.Contains(": warning: ", StringComparison.Ordinal) && l.EndsWith($"[{code}]", StringComparison.Ordinal)), check.ToString());
    }

    [Fact]
    public void Run_AppendsQuestionsThatPassCheck_WhenQuestionIsAskedTwice()
    {
        using var content = TempContent.CopyOfSample();

        var first = New("question", content.Root);
        var second = New("question", content.Root, "--domain", "quality");

        first.ExitCode.ShouldBe(0, first.ToString());
        first.OutLines.ShouldBe(["Added question demo-planning-001 to demo/questions/new-questions.md. Replace every TODO, set 'source', then run check."]);
        second.ExitCode.ShouldBe(0, second.ToString());
        second.Out.ShouldStartWith("Added question demo-quality-001 ");
        var text = content.Read("demo/questions/new-questions.md");
        text.ShouldStartWith("---\n");
        text.ShouldContain("## Question demo-planning-001\n");
        text.ShouldContain("domains: [demo/quality]\n");
        text.ShouldContain("TODO: write the question.");
        ShouldPassCheck(content, "question.no-source");
        Check(content.Root).OutLines.Count(l => l.Contains("new-questions.md", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public void Run_RefusesAnExistingId_WhenQuestionIdIsTaken()
    {
        using var content = TempContent.CopyOfSample();
        New("question", content.Root, "--id", "demo-new-001").ExitCode.ShouldBe(0);
        var before = content.Read("demo/questions/new-questions.md");

        var again = New("question", content.Root, "--id", "demo-new-001");
        var sampleId = New("question", content.Root, "--id", "demo-case-001");

        again.ExitCode.ShouldBe(1);
        again.ErrorLines.ShouldBe(["error: the question id 'demo-new-001' is already used. Nothing was written."]);
        sampleId.ExitCode.ShouldBe(1);
        content.Read("demo/questions/new-questions.md").ShouldBe(before);
    }

    [Fact]
    public void Run_CreatesAModuleThatPassesCheck_WithTheNextOrderNumber()
    {
        using var content = TempContent.CopyOfSample();

        var result = New("module", content.Root, "--domain", "quality", "--id", "demo-control-charts");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.OutLines.ShouldBe(["Created module demo-control-charts in demo/modules/03-demo-control-charts.md. Replace every TODO, then run check."]);
        var text = content.Read("demo/modules/03-demo-control-charts.md");
        text.ShouldContain("\ndomains: [quality]\norder: 3\n");
        text.ShouldContain("keyTerms: []\n");
        text.ShouldContain("\n## Overview\n");
        ShouldPassCheck(content);
    }

    [Fact]
    public void Run_PicksAFreeModuleId_WhenNoIdIsGiven()
    {
        using var content = TempContent.CopyOfSample();

        var result = New("module", content.Root); // demo-planning is the sample's first module

        result.ExitCode.ShouldBe(0, result.ToString());
        content.Exists("demo/modules/03-demo-planning-2.md").ShouldBeTrue();
        New("module", content.Root).ExitCode.ShouldBe(0);
        content.Exists("demo/modules/04-demo-planning-3.md").ShouldBeTrue();
        ShouldPassCheck(content);
    }

    [Fact]
    public void Run_RefusesAnExistingModuleId()
    {
        using var content = TempContent.CopyOfSample();

        var result = New("module", content.Root, "--id", "demo-quality");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("the module id 'demo-quality' is already used.");
        Directory.GetFiles(content.PathOf("demo/modules")).Length.ShouldBe(2);
    }

    [Fact]
    public void Run_AppendsTermsThatPassCheck_AndRefusesAnExistingTerm()
    {
        using var content = TempContent.CopyOfSample();

        var added = New("term", content.Root, "--id", "Reorder point");
        var placeholder = New("term", content.Root);
        var duplicate = New("term", content.Root, "--id", "safety STOCK");

        added.ExitCode.ShouldBe(0, added.ToString());
        added.OutLines.ShouldBe(["Added term 'Reorder point' (#reorder-point) to glossary/new-terms.md. Replace the TODO, then run check."]);
        placeholder.ExitCode.ShouldBe(0, placeholder.ToString());
        duplicate.ExitCode.ShouldBe(1);
        duplicate.Error.ShouldContain("the glossary already has the term 'safety STOCK'");
        var text = content.Read("glossary/new-terms.md");
        text.ShouldContain("## Reorder point\n\n```yaml\ncredentials: [demo]\n");
        text.ShouldContain("## TODO term\n");
        ShouldPassCheck(content);
    }

    [Fact]
    public void Run_RequiresCredentialAndDomain_WhenThereAreSeveralCredentials()
    {
        using var content = TempContent.CopyOfSample();
        content.Write("ops/credential.yml", content.Read("demo/credential.yml").Replace("id: demo", "id: ops", StringComparison.Ordinal));

        var noCredential = New("question", content.Root);
        var noDomain = New("question", content.Root, "--credential", "ops");
        var unknownDomain = New("question", content.Root, "--credential", "ops", "--domain", "finance");
        var termWithoutCredential = New("term", content.Root);
        var ok = New("question", content.Root, "--domain", "ops/quality");

        noCredential.ExitCode.ShouldBe(2);
        noCredential.ErrorLines[0].ShouldBe("error: there are several credentials (demo, ops): pass --credential <id>.");
        noDomain.ExitCode.ShouldBe(2);
        noDomain.ErrorLines[0].ShouldBe("error: there are several credentials: pass --domain <id> as well (ops has planning, quality).");
        unknownDomain.ExitCode.ShouldBe(2);
        unknownDomain.ErrorLines[0].ShouldBe("error: 'finance' is not a domain of ops (planning, quality).");
        termWithoutCredential.ExitCode.ShouldBe(2);
        ok.ExitCode.ShouldBe(0, ok.ToString());
        content.Read("ops/questions/new-questions.md").ShouldContain("## Question ops-quality-001\n");
        ShouldPassCheck(content, "question.no-source");
    }

    [Theory]
    [InlineData("exam")]
    [InlineData("question", "--id", "Not An Id")]
    [InlineData("term", "--domain", "planning")]
    public void Run_ReturnsTwo_WhenArgumentsAreInvalid(params string[] args)
    {
        using var content = TempContent.CopyOfSample();

        var result = New([args[0], content.Root, .. args[1..]]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("certprep-authoring new question <dir>");
        Directory.Exists(content.PathOf("demo/questions")).ShouldBeTrue();
        content.Exists("demo/questions/new-questions.md").ShouldBeFalse();
    }
}

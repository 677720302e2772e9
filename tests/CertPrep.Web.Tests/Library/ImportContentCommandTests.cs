using CertPrep.Tests.Shared;
using CertPrep.Web.Tests.Infrastructure;

namespace CertPrep.Web.Tests.Library;

/// <summary><c>CertPrep.Web import-content</c>: the command-line import an operator or a CI job runs.</summary>
public sealed class ImportContentCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("certprep-import-").FullName;

    private Dictionary<string, string> Content => new() { ["Content__Path"] = Path.Combine(_work, "content") };

    public ImportContentCommandTests()
    {
        SampleContentFiles.CopyTo(Path.Combine(_work, "content"));
    }

    [Fact]
    public async Task ImportContent_ImportsAndExitsZero_WhenContentIsValid()
    {
        var result = await AppProcess.RunAsync(_work, Content, arguments: "import-content");

        result.ExitCode.ShouldBe(0, result.Output);
        result.Output.ShouldContain("13 added, 0 changed, 0 retired, 0 unchanged; 0 errors, 0 warnings.");
        result.ShouldHaveNoStackTrace();

        var again = await AppProcess.RunAsync(_work, Content, arguments: "import-content");
        again.Output.ShouldContain("0 added, 0 changed, 0 retired, 13 unchanged");
    }

    [Fact]
    public async Task ImportContent_ListsProblemsAndExitsOne_WhenAFileHasErrors()
    {
        var path = Path.Combine(_work, "content", "demo", "questions", "planning.md");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("- [x] 200 units", "- [ ] 200 units", StringComparison.Ordinal));

        var result = await AppProcess.RunAsync(_work, Content, arguments: "import-content");

        result.ExitCode.ShouldBe(1);
        result.Lines.ShouldContain(l => l.StartsWith("demo/questions/planning.md:109:1: error: No option is marked as the key", StringComparison.Ordinal), result.Output);
        result.ShouldHaveNoStackTrace();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}

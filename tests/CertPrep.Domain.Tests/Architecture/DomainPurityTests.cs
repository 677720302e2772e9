using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CertPrep.Domain.Tests.Architecture;

/// <summary>
/// The domain library stays pure: no NuGet package, nothing from ASP.NET Core or EF Core, and no reading of the
/// clock (the banned-API analyzer covers the other projects; the domain has no package to carry it, so this test does).
/// </summary>
public sealed partial class DomainPurityTests
{
    private static readonly string SourceRoot = Path.Combine(RepositoryRoot(), "src", "CertPrep.Domain");

    [Fact]
    public void Project_ReferencesNoPackageAndNoProject()
    {
        var project = XDocument.Load(Path.Combine(SourceRoot, "CertPrep.Domain.csproj"));

        project.Descendants("PackageReference").ShouldBeEmpty();
        project.Descendants("ProjectReference").ShouldBeEmpty();
        project.Descendants("FrameworkReference").ShouldBeEmpty();
    }

    [Fact]
    public void Assembly_ReferencesOnlyTheBaseLibrary()
    {
        var domain = Assembly.Load("CertPrep.Domain");

        domain.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard" && n != "mscorlib")
            .ShouldBeEmpty();
    }

    [Fact]
    public void Sources_NeverReadTheClock()
    {
        var offenders = Directory.EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => ClockRead().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(SourceRoot, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        offenders.ShouldBeEmpty("Take a TimeProvider or an instant argument instead.");
    }

    [Theory]
    [InlineData("var now = DateTime.UtcNow;", true)]
    [InlineData("var t = System.DateTimeOffset.Now;", true)]
    [InlineData("var d = DateTime.Today;", true)]
    [InlineData("var t = time.GetUtcNow();", false)]
    [InlineData("// DateTime.UtcNow is banned", true)]
    public void ClockRead_Recognises(string line, bool matches) => ClockRead().IsMatch(line).ShouldBe(matches);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CertPrep.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CertPrep.sln not found above the test output folder.");
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b")]
    private static partial Regex ClockRead();
}

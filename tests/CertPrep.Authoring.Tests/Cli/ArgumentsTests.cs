using CertPrep.Authoring.Cli;

namespace CertPrep.Authoring.Tests.Cli;

public sealed class ArgumentsTests
{
    private static readonly ArgumentSpec Spec = new(["file"], 1, ["json"], ["out", "domain"]);

    [Fact]
    public void Parse_ReadsPositionalsFlagsAndOptions_InAnyOrder()
    {
        var args = Arguments.Parse(["--out", "a.md", "in.gift", "--json", "--domain=cpim/demand"], Spec);

        args.Positional(0).ShouldBe("in.gift");
        args.Positional(1).ShouldBeNull();
        args.Flag("json").ShouldBeTrue();
        args.Option("out").ShouldBe("a.md");
        args.Option("domain").ShouldBe("cpim/demand");
    }

    [Fact]
    public void Parse_TakesEverythingAfterDoubleDashAsPositional()
    {
        Arguments.Parse(["--", "--odd-file-name"], Spec).Positional(0).ShouldBe("--odd-file-name");
    }

    [Theory]
    [InlineData(new string[0], "missing <file>.")]
    [InlineData(new[] { "a", "b" }, "unexpected argument 'b'.")]
    [InlineData(new[] { "a", "--out" }, "'--out' needs a value.")]
    [InlineData(new[] { "a", "--out", "--json" }, "'--out' needs a value.")]
    [InlineData(new[] { "a", "--out=" }, "'--out' needs a value.")]
    [InlineData(new[] { "a", "--out", "x", "--out", "y" }, "'--out' is given twice.")]
    [InlineData(new[] { "a", "--json=1" }, "'--json' takes no value.")]
    [InlineData(new[] { "a", "--quiet" }, "unknown option '--quiet'.")]
    public void Parse_ThrowsUsageException_WhenArgumentsDoNotFit(string[] args, string message)
    {
        Should.Throw<UsageException>(() => Arguments.Parse(args, Spec)).Message.ShouldBe(message);
    }
}

using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CertPrep.Web.UiTests.Infrastructure;

/// <summary>axe-core on the page as it is now; serious and critical violations fail the test.</summary>
public static class AxeScan
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    /// <summary>Runs axe-core; writes moderate and minor findings to the test output, fails on serious and critical ones.</summary>
    public static async Task ShouldHaveNoSeriousViolationsAsync(IPage page, ITestOutputHelper output)
    {
        var result = await page.RunAxe();
        result.Passes.ShouldNotBeEmpty($"axe-core reported no passing rule on {page.Url}: it did not really run");
        var blocking = result.Violations.Where(v => BlockingImpacts.Contains(v.Impact, StringComparer.OrdinalIgnoreCase)).ToList();
        var other = result.Violations.Except(blocking).ToList();
        output.WriteLine(other.Count == 0
            ? $"axe-core: no violations below serious on {page.Url}"
            : $"axe-core: violations below serious on {page.Url} (reported, not failing):{Environment.NewLine}{string.Join(Environment.NewLine, Describe(other))}");

        Describe(blocking).ShouldBeEmpty($"axe-core found serious or critical violations on {page.Url} (rule, impact, target selector, why)");
    }

    /// <summary>One line per failing element: "[impact] rule-id @ selector: what is wrong (help url)".</summary>
    private static List<string> Describe(IEnumerable<AxeResultItem> violations) =>
    [
        .. violations.SelectMany(v => v.Nodes.Select(n => $"[{v.Impact}] {v.Id} @ {n.Target}: {Summary(n)} ({v.HelpUrl})")),
    ];

    /// <summary>What axe says is wrong with one element (its failed checks' messages).</summary>
    private static string Summary(AxeResultNode node) => string.Join(
        "; ",
        (node.All ?? []).Concat(node.None ?? []).Concat(node.Any ?? []).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Take(2));
}

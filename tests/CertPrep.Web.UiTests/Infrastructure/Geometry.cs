using Microsoft.Playwright;

namespace CertPrep.Web.UiTests.Infrastructure;

/// <summary>What the layout looks like to the user: scroll width, viewport, where elements are.</summary>
public static class Geometry
{
    public sealed record PageWidth(int ScrollWidth, int InnerWidth);

    public static async Task<PageWidth> MeasureWidthAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return new PageWidth(widths[0], widths[1]);
    }

    /// <summary>Fails with the page width when the page scrolls sideways.</summary>
    public static async Task ShouldNotScrollHorizontallyAsync(IPage page)
    {
        var width = await MeasureWidthAsync(page);
        width.ScrollWidth.ShouldBeLessThanOrEqualTo(
            width.InnerWidth,
            $"{page.Url} scrolls horizontally: the document is {width.ScrollWidth}px wide in a {width.InnerWidth}px viewport.");
    }

    /// <summary>Fails when any element of the locator is not shown or not wholly inside the viewport's width.</summary>
    public static async Task ShouldAllFitViewportWidthAsync(IPage page, ILocator elements, string what)
    {
        var width = await MeasureWidthAsync(page);
        var all = await elements.AllAsync();
        all.ShouldNotBeEmpty($"expected some {what} on {page.Url}");
        var problems = new List<string>();
        foreach (var element in all)
        {
            var box = await element.BoundingBoxAsync();
            var label = await DescribeAsync(element);
            if (box is null || box.Width <= 0 || box.Height <= 0)
            {
                problems.Add($"{label}: not shown");
            }
            else if (box.X < 0 || box.X + box.Width > width.InnerWidth + 0.5f)
            {
                problems.Add($"{label}: spans x={box.X:0.#}..{box.X + box.Width:0.#}px");
            }
        }

        problems.ShouldBeEmpty($"{what} on {page.Url} must be visible within the {width.InnerWidth}px viewport");
    }

    /// <summary>A short, readable name for an element in failure messages.</summary>
    public static Task<string> DescribeAsync(ILocator element) => element.EvaluateAsync<string>(
        """
        el => {
            const name = el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || el.getAttribute('name') || '';
            return `<${el.tagName.toLowerCase()}${el.id ? ' id="' + el.id + '"' : ''}> "${name.trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
        }
        """);
}

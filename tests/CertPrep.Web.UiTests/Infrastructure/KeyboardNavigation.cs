using Microsoft.Playwright;

namespace CertPrep.Web.UiTests.Infrastructure;

/// <summary>Moving around a page with the Tab key only, and checking that focus can be seen.</summary>
public static class KeyboardNavigation
{
    public sealed record FocusStyle(string OutlineStyle, string OutlineWidth, string OutlineColor, string BoxShadow)
    {
        public bool IsVisible =>
            (OutlineStyle != "none" && ParsePixels(OutlineWidth) > 0 && OutlineColor != "rgba(0, 0, 0, 0)" && OutlineColor != "transparent")
            || (BoxShadow != "none" && BoxShadow.Length > 0);

        private static double ParsePixels(string value) =>
            double.TryParse(value.Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture, out var px) ? px : 0;
    }

    /// <summary>Presses Tab until the element has focus; fails, naming what had focus, after <paramref name="maxPresses"/>.</summary>
    public static async Task TabToAsync(IPage page, ILocator target, int maxPresses = 15)
    {
        var visited = new List<string>();
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await IsFocusedAsync(target))
            {
                return;
            }

            visited.Add(await ActiveElementAsync(page));
        }

        throw new ShouldAssertException(
            $"Tab did not reach the element within {maxPresses} presses on {page.Url}; focus went to:{Environment.NewLine}  " +
            string.Join(Environment.NewLine + "  ", visited));
    }

    public static Task<bool> IsFocusedAsync(ILocator element) => element.EvaluateAsync<bool>("el => el === document.activeElement");

    public static Task<string> ActiveElementAsync(IPage page) => page.EvaluateAsync<string>(
        """
        () => {
            const el = document.activeElement;
            if (!el || el === document.body) return '<body>';
            const name = el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || '';
            return `<${el.tagName.toLowerCase()}${el.id ? ' id="' + el.id + '"' : ''}> "${name.trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
        }
        """);

    /// <summary>The computed focus styles of the focused element (it must have focus, from the keyboard).</summary>
    public static async Task<FocusStyle> FocusStyleAsync(ILocator element)
    {
        var style = await element.EvaluateAsync<string[]>(
            """
            el => {
                const s = getComputedStyle(el);
                return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow];
            }
            """);
        return new FocusStyle(style[0], style[1], style[2], style[3]);
    }

    /// <summary>Fails unless the element has focus and shows it with an outline or a box shadow.</summary>
    public static async Task ShouldShowFocusAsync(ILocator element, string what)
    {
        (await IsFocusedAsync(element)).ShouldBeTrue($"{what} should have keyboard focus");
        var style = await FocusStyleAsync(element);
        style.IsVisible.ShouldBeTrue($"{what} has keyboard focus but no visible focus indicator: {style}");
    }

    /// <summary>
    /// Like <see cref="ShouldShowFocusAsync"/>, and focus must also change how the element looks: an outline it
    /// already has without focus (a state marker, say) does not show where focus is.
    /// </summary>
    public static async Task ShouldShowFocusDistinctlyAsync(ILocator element, FocusStyle unfocused, string what)
    {
        await ShouldShowFocusAsync(element, what);
        var focused = await FocusStyleAsync(element);
        focused.ShouldNotBe(unfocused, $"{what} looks the same with keyboard focus as without it: {focused}");
    }
}

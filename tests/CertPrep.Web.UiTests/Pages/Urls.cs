using System.Text.RegularExpressions;

namespace CertPrep.Web.UiTests.Pages;

public static class Urls
{
    /// <summary>Matches any page address whose path is exactly <paramref name="path"/> (any host, query or fragment).</summary>
    public static Regex WithPath(string path) =>
        new($"^https?://[^/]+{Regex.Escape(path)}(?:[?#].*)?$"); // no options: Playwright sends the pattern to the browser
}

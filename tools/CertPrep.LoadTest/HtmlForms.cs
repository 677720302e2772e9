using System.Net;
using System.Text.RegularExpressions;

namespace CertPrep.LoadTest;

/// <summary>
/// The forms, fields and links of the pages the learner mix goes through, read the way a browser would submit them:
/// the form's own action, its hidden fields and antiforgery token, and an answer picked among its options.
/// </summary>
internal static partial class HtmlForms
{
    /// <summary>The first form whose action names <c>handler=<paramref name="handler"/></c>, or null.</summary>
    public static Form? WithHandler(string html, string handler) =>
        All(html).FirstOrDefault(f => f.Action.Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase));

    /// <summary>The form with <c>id="<paramref name="id"/>"</c>, or null.</summary>
    public static Form? WithId(string html, string id) =>
        All(html).FirstOrDefault(f => IdAttribute().Match(f.Tag) is { Success: true } m && m.Groups[1].Value == id);

    /// <summary>Every distinct link target that starts with <paramref name="prefix"/> (query and fragment dropped).</summary>
    public static IReadOnlyList<string> Links(string html, string prefix) =>
        [.. HrefAttribute().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Split('?', '#')[0])
            .Where(href => href.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal)];

    /// <summary>The first link target that starts with <paramref name="prefix"/>, query kept, or null.</summary>
    public static string? Link(string html, string prefix) =>
        HrefAttribute().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .FirstOrDefault(href => href.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<Form> All(string html) =>
        FormElement().Matches(html).Select(m => new Form(
            m.Groups["tag"].Value,
            ActionAttribute().Match(m.Groups["tag"].Value) is { Success: true } action ? WebUtility.HtmlDecode(action.Groups[1].Value) : "",
            m.Groups["body"].Value));

    [GeneratedRegex(@"<form\b(?<tag>[^>]*)>(?<body>.*?)</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex FormElement();

    [GeneratedRegex(@"\baction=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ActionAttribute();

    [GeneratedRegex(@"\bid=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"\bhref=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex HrefAttribute();
}

/// <summary>One form of a page: its opening tag's attributes, its action and its inner HTML.</summary>
internal sealed partial record Form(string Tag, string Action, string Body)
{
    /// <summary>The value of the first input named <paramref name="name"/>, or null.</summary>
    public string? Field(string name) => Inputs().Where(i => i.Name == name).Select(i => i.Value).FirstOrDefault();

    public string? Token => Field(HtmlScraper.TokenField);

    /// <summary>
    /// An answer as a learner gives it: one option of a single answer question, one or two of a multiple answer
    /// question (values are display positions), or a number; empty when the form has nothing to answer.
    /// </summary>
    public List<KeyValuePair<string, string>> Answer(Random random)
    {
        var inputs = Inputs().ToList();
        if (inputs.Any(i => i.Name == "Numeric"))
        {
            return [new("Numeric", random.Next(1, 100).ToString(System.Globalization.CultureInfo.InvariantCulture))];
        }

        var options = inputs.Where(i => i.Name == "Choice").ToList();
        if (options.Count == 0)
        {
            return [];
        }

        var picks = options[0].Type == "checkbox" && options.Count > 1 ? 1 + random.Next(2) : 1;
        return [.. options.OrderBy(_ => random.Next()).Take(picks).Select(o => new KeyValuePair<string, string>("Choice", o.Value))];
    }

    private IEnumerable<(string Name, string Type, string Value)> Inputs() =>
        InputTag().Matches(Body).Select(m => (
            Attribute(m.Value, NameAttribute()),
            Attribute(m.Value, TypeAttribute()).ToLowerInvariant(),
            Attribute(m.Value, ValueAttribute())));

    private static string Attribute(string tag, Regex attribute) =>
        attribute.Match(tag) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "";

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex(@"\bname=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex NameAttribute();

    [GeneratedRegex(@"\btype=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex TypeAttribute();

    [GeneratedRegex(@"\bvalue=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ValueAttribute();
}

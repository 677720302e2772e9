using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace CertPrep.LoadTest;

/// <summary>
/// The few things the load test reads from the site's HTML. Regular expressions instead of an HTML parser: the pages
/// are the site's own, and the tool needs no package beyond the base library.
/// </summary>
internal static partial class HtmlScraper
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>The antiforgery token of the first form at or after <paramref name="from"/>, or null.</summary>
    public static string? Token(string html, int from = 0)
    {
        foreach (Match input in InputTag().Matches(html, from))
        {
            if (input.Value.Contains($"name=\"{TokenField}\"", StringComparison.Ordinal) && ValueAttribute().Match(input.Value) is { Success: true } value)
            {
                return WebUtility.HtmlDecode(value.Groups[1].Value);
            }
        }

        return null;
    }

    /// <summary>The exam form's item count (<c>&lt;form id="answer-form" data-items="N"&gt;</c>) and its token.</summary>
    public static (int Items, string Token)? AnswerForm(string html)
    {
        var form = AnswerFormTag().Match(html);
        if (!form.Success || DataItems().Match(form.Value) is not { Success: true } items)
        {
            return null;
        }

        var token = Token(html, form.Index) ?? Token(html);
        return token is null ? null : (int.Parse(items.Groups[1].Value, CultureInfo.InvariantCulture), token);
    }

    /// <summary>The attempt id in a redirect to <c>/Exams/{id}/Take</c>, or null.</summary>
    public static long? AttemptId(string? location) =>
        location is not null && TakeLocation().Match(location) is { Success: true } match
            ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    /// <summary>What a page that did not redirect says went wrong: its error summary, else its title.</summary>
    public static string Problem(string html)
    {
        var summary = ErrorSummary().Match(html);
        if (summary.Success)
        {
            return Text(Heading().Replace(summary.Groups[1].Value, ""));
        }

        var title = Title().Match(html);
        return title.Success ? $"page \"{Text(title.Groups[1].Value)}\"" : "no error summary on the page";
    }

    private static string Text(string html) => Whitespace().Replace(WebUtility.HtmlDecode(Tag().Replace(html, " ")), " ").Trim();

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex(@"\bvalue=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ValueAttribute();

    [GeneratedRegex(@"<form\b[^>]*\bid=""answer-form""[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerFormTag();

    [GeneratedRegex(@"\bdata-items=""(\d+)""")]
    private static partial Regex DataItems();

    [GeneratedRegex(@"/Exams/(\d+)/Take\b", RegexOptions.IgnoreCase)]
    private static partial Regex TakeLocation();

    [GeneratedRegex(@"<div\b[^>]*\bclass=""error-summary""[^>]*>(.*?)</div>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ErrorSummary();

    [GeneratedRegex(@"<h\d\b[^>]*>.*?</h\d>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<title\b[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Title();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();
}

using CertPrep.Domain.Adaptive;
using CertPrep.Web.Adaptive;
using CertPrep.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Author;

public sealed class ItemsModel(ItemAnalysisService analysis, LibraryQueries library) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Credential { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "flags";

    [BindProperty(SupportsGet = true)]
    public ItemFlag? Flag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<(string Id, string Name)> Credentials { get; private set; } = [];

    public ItemAnalysisReport? Report { get; private set; }

    public IReadOnlyList<ItemAnalysisRow> Rows { get; private set; } = [];

    public static IReadOnlyList<(string Key, string Label)> Sorts { get; } =
    [
        ("flags", "Most flags first"), ("discrimination", "Lowest discrimination"), ("pvalue", "Hardest first"), ("responses", "Most responses"), ("id", "Id"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Credentials = [.. (await library.DefinitionsAsync(ct)).Select(c => (c.Key, c.Value.Name)).OrderBy(c => c.Name)];
        var chosen = Credential ?? Credentials.FirstOrDefault().Id;
        if (chosen is null)
        {
            return Page();
        }

        Report = await analysis.ForAsync(chosen, ct);
        if (Report is null)
        {
            return NotFound();
        }

        Credential = chosen;
        IEnumerable<ItemAnalysisRow> rows = Report.Rows;
        if (Flag is { } flag)
        {
            rows = rows.Where(r => r.Statistics.Flags.Contains(flag));
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            rows = rows.Where(r => r.QuestionId.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase) || r.Topic.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        Rows = Sort switch
        {
            "discrimination" => [.. rows.OrderBy(r => r.Statistics.PointBiserial ?? double.MaxValue).ThenBy(r => r.QuestionId, StringComparer.Ordinal)],
            "pvalue" => [.. rows.OrderBy(r => r.Statistics.Responses == 0 ? double.MaxValue : r.Statistics.PValue).ThenBy(r => r.QuestionId, StringComparer.Ordinal)],
            "responses" => [.. rows.OrderByDescending(r => r.Statistics.Responses).ThenBy(r => r.QuestionId, StringComparer.Ordinal)],
            "id" => [.. rows.OrderBy(r => r.QuestionId, StringComparer.Ordinal)],
            _ => [.. rows.OrderByDescending(r => r.Statistics.Flags.Count(f => f != ItemFlag.SmallSample)).ThenByDescending(r => r.Statistics.Responses).ThenBy(r => r.QuestionId, StringComparer.Ordinal)],
        };
        return Page();
    }

    public static string Describe(ItemFlag flag) => flag switch
    {
        ItemFlag.SmallSample => "fewer than 30 responses",
        ItemFlag.NegativeDiscrimination => "negative discrimination: check the key",
        ItemFlag.UnusedDistractor => "a distractor under 5%",
        ItemFlag.EasierThanStated => "easier than its stated difficulty",
        _ => "harder than its stated difficulty",
    };
}

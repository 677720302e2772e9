using CertPrep.Domain.Practice;
using CertPrep.Content.Model;
using CertPrep.Content.Rendering;
using CertPrep.Web.Data;
using CertPrep.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Attempts;

/// <summary>
/// Turns attempt items into what a page shows. Keys, rationales and explanations are only filled in when
/// <c>reveal</c> is true (a practice item once answered, an exam once submitted); otherwise the view simply has no
/// field that could carry them, so a page cannot leak the key by accident.
/// </summary>
public sealed class ItemPresenter(CertPrepDbContext db, QuestionBank bank, LibraryQueries library)
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public async Task<IReadOnlyList<ItemView>> PresentAsync(IReadOnlyList<AttemptItem> items, bool reveal, CancellationToken ct)
    {
        var questions = await bank.GetAsync(db, items.Select(i => i.QuestionVersionId), ct);
        var caseIds = questions.Values.Select(q => q.CaseId).OfType<string>().Distinct().ToList();
        var cases = caseIds.Count == 0
            ? []
            : await db.CaseSets.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var moduleIds = reveal ? questions.Values.Select(q => SourceModule(q.Source)).OfType<string>().Distinct().ToList() : [];
        var moduleTitles = moduleIds.Count == 0
            ? []
            : await db.Modules.AsNoTracking().Where(m => moduleIds.Contains(m.Id) && !m.IsRetired).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        var render = await library.RendererAsync(ct, linkGlossary: false);

        var views = new List<ItemView>(items.Count);
        foreach (var item in items)
        {
            var question = questions[item.QuestionVersionId];
            var options = render(question.SourcePath);
            var chosen = item.Choices is null ? [] : item.Choices.Split(',').Select(int.Parse).ToHashSet();
            var optionViews = question.DisplayOrder(item.Seed).Select((written, display) =>
            {
                var option = question.Options[written];
                return new OptionView(
                    display,
                    Letters[display].ToString(),
                    Inline(ContentMarkdown.ToHtml(option.Text, options)),
                    chosen.Contains(written),
                    reveal ? option.IsKey : null,
                    reveal ? ContentMarkdown.ToHtml(option.Rationale, options) : null);
            }).ToList();

            CaseSetRecord? caseSet = question.CaseId is { } caseId ? cases.GetValueOrDefault(caseId) : null;
            ItemFeedback? feedback = null;
            if (reveal)
            {
                var module = SourceModule(question.Source);
                feedback = new ItemFeedback(
                    item.IsCorrect == true,
                    ContentMarkdown.ToHtml(question.Explanation, options),
                    question.IsNumeric ? question.NumericKeyText(item.Seed) : null,
                    module is not null && moduleTitles.TryGetValue(module, out var title) ? $"/Modules/{question.Source}" : null,
                    module is not null ? moduleTitles.GetValueOrDefault(module) : null,
                    question.Topic,
                    item.DomainId,
                    item.IsPretest,
                    item.Confidence,
                    item.MissReason);
            }

            views.Add(new ItemView(
                item.Position,
                question.QuestionId,
                question.Type,
                ContentMarkdown.ToHtml(question.StemFor(item.Seed), options),
                caseSet?.Title,
                caseSet is null ? null : ContentMarkdown.ToHtml(caseSet.Stem, render(caseSet.SourcePath)),
                optionViews,
                item.NumericText,
                question.Unit,
                new ItemState(item.IsAnswered, item.Flagged, item.Revision, TimeSpan.FromMilliseconds(item.TimeSpentMs)),
                feedback));
        }

        return views;
    }

    private static string? SourceModule(string? source) =>
        string.IsNullOrEmpty(source) ? null : source.Split('#', 2)[0];

    /// <summary>An option is one line of markdown: drop the paragraph so it sits inside its label.</summary>
    private static string Inline(string html)
    {
        var trimmed = html.Trim();
        return trimmed.StartsWith("<p>", StringComparison.Ordinal) && trimmed.EndsWith("</p>", StringComparison.Ordinal) && trimmed.IndexOf("<p>", 3, StringComparison.Ordinal) < 0
            ? trimmed[3..^4]
            : trimmed;
    }
}

/// <summary>One option as displayed: <see cref="IsKey"/> and <see cref="RationaleHtml"/> stay null until revealed.</summary>
public sealed record OptionView(int DisplayIndex, string Letter, string Html, bool Chosen, bool? IsKey, string? RationaleHtml);

/// <summary>What is shown after an answer is revealed.</summary>
public sealed record ItemFeedback(
    bool IsCorrect,
    string ExplanationHtml,
    string? NumericKey,
    string? SourceUrl,
    string? SourceTitle,
    string Topic,
    string DomainId,
    bool IsPretest,
    Confidence? Confidence,
    MissReason? MissReason);

/// <summary>The parts of an item's state a page may show at any time (never its grade).</summary>
public sealed record ItemState(bool IsAnswered, bool Flagged, int Revision, TimeSpan TimeSpent);

/// <summary>One item as a page shows it; <see cref="Feedback"/> is null until the answer may be revealed.</summary>
public sealed record ItemView(
    int Position,
    string QuestionId,
    QuestionType Type,
    string StemHtml,
    string? CaseTitle,
    string? CaseHtml,
    IReadOnlyList<OptionView> Options,
    string? NumericText,
    string? Unit,
    ItemState State,
    ItemFeedback? Feedback)
{
    public bool IsMultiple => Type == QuestionType.Multiple;

    public bool IsNumeric => Type is QuestionType.Numeric or QuestionType.Calculated;

    /// <summary>The learner's answer in words, for reviews.</summary>
    public string AnswerText => NumericText ?? (Options.Where(o => o.Chosen).Select(o => o.Letter).ToList() is { Count: > 0 } letters ? string.Join(", ", letters) : "No answer");
}

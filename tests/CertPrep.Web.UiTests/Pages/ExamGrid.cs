using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CertPrep.Web.UiTests.Pages;

/// <summary>The navigation grid (Shared/_ExamGrid) on the Take and Review pages: one link per question, its state in its name.</summary>
public sealed partial class ExamGrid(IPage page)
{
    public ILocator Grid => page.GetByTestId("exam-grid");

    public ILocator Cells => Grid.GetByRole(AriaRole.Link);

    /// <summary>A question's link, named "Question n, answered|unanswered[, flagged]".</summary>
    public ILocator Cell(int position) => Grid.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^Question {position},") });

    /// <summary>Whether a cell looks answered (filled) or not: its list item's class, which sets the colour.</summary>
    public ILocator CellItem(int position) => Cell(position).Locator("xpath=..");

    public ILocator Answered => Grid.GetByRole(AriaRole.Link, new() { NameRegex = AnsweredName() });

    public ILocator Unanswered => Grid.GetByRole(AriaRole.Link, new() { NameRegex = UnansweredName() });

    public ILocator Flagged => Grid.GetByRole(AriaRole.Link, new() { NameRegex = FlaggedName() });

    [GeneratedRegex(@"^Question \d+, answered")]
    private static partial Regex AnsweredName();

    [GeneratedRegex(@"^Question \d+, unanswered")]
    private static partial Regex UnansweredName();

    [GeneratedRegex(", flagged$")]
    private static partial Regex FlaggedName();
}

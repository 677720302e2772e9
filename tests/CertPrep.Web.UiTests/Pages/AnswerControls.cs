using System.Globalization;
using System.Text.RegularExpressions;
using CertPrep.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Pages;

/// <summary>
/// A question's stem and answer controls (Shared/_AnswerInputs), the same on a practice quiz and in an exam. The
/// generated test content (<see cref="ExamContent"/>) makes the key knowable: options whose text starts with "Key",
/// 1234.5 for the numeric question, demand × lead time for the calculated one.
/// </summary>
public sealed partial class AnswerControls(IPage page)
{
    /// <summary>The options of a choice question: a fieldset, so a group named by its legend.</summary>
    public ILocator Options => page.GetByRole(AriaRole.Group, new() { NameRegex = OptionsLegend() });

    public ILocator Radios => Options.GetByRole(AriaRole.Radio);

    public ILocator Checkboxes => Options.GetByRole(AriaRole.Checkbox);

    /// <summary>The keyed options: their text starts with "Key".</summary>
    public ILocator KeyOptions => Choices(KeyName());

    public ILocator Distractors => Choices(DistractorName());

    /// <summary>The text box of a numeric or calculated question ("Your answer (units)").</summary>
    public ILocator Numeric => page.GetByRole(AriaRole.Textbox, new() { NameRegex = NumericLabel() });

    public ILocator Stem => page.Locator(".stem");

    /// <summary>The option (radio or checkbox) with exactly this accessible name.</summary>
    public ILocator Option(string name) =>
        Options.GetByRole(AriaRole.Radio, new() { Name = name, Exact = true })
            .Or(Options.GetByRole(AriaRole.Checkbox, new() { Name = name, Exact = true }));

    /// <summary>What kind of question is shown; call it once the page has loaded.</summary>
    public async Task<QuestionKind> KindAsync()
    {
        if (await Radios.CountAsync() > 0)
        {
            return QuestionKind.SingleAnswer;
        }

        if (await Checkboxes.CountAsync() > 0)
        {
            return QuestionKind.MultipleAnswer;
        }

        await Expect(Numeric).ToBeVisibleAsync();
        return QuestionKind.Numeric;
    }

    /// <summary>
    /// Answers with the mouse (a number is typed, then the text box is left, which is when an exam autosaves it),
    /// rightly or wrongly, and returns what was given so a test can check later that it is still shown.
    /// </summary>
    public async Task<GivenAnswer> AnswerAsync(bool correctly)
    {
        var kind = await KindAsync();
        if (kind == QuestionKind.Numeric)
        {
            var value = correctly ? NumericKey(await Stem.InnerTextAsync()) : "1";
            await Numeric.FillAsync(value);
            await Numeric.BlurAsync();
            return new GivenAnswer(kind, [], value);
        }

        // Wrong: one distractor only (for a multiple-answer question too: one wrong box makes it wrong).
        var targets = await (correctly ? KeyOptions : Distractors.First).AllAsync();
        targets.ShouldNotBeEmpty($"no option to choose on {page.Url}");
        var names = new List<string>();
        foreach (var input in targets)
        {
            names.Add(await NameOfAsync(input));
            await input.ClickAsync();
        }

        return new GivenAnswer(kind, names, null);
    }

    /// <summary>Waits until the controls show this answer and no other (after a reload, or back on the question).</summary>
    public async Task ExpectShownAsync(GivenAnswer answer)
    {
        if (answer.Kind == QuestionKind.Numeric)
        {
            await Expect(Numeric).ToHaveValueAsync(answer.Numeric!);
            return;
        }

        foreach (var name in answer.Chosen)
        {
            await Expect(Option(name)).ToBeCheckedAsync();
        }

        await Expect(Options.Locator("input:checked")).ToHaveCountAsync(answer.Chosen.Count);
    }

    /// <summary>The key of the numeric question, or of the calculated question's draw, read from the stem.</summary>
    private static string NumericKey(string stem)
    {
        if (stem.Contains("warehouse", StringComparison.Ordinal))
        {
            return "1234.5";
        }

        var draw = CalculatedDraw().Match(stem);
        draw.Success.ShouldBeTrue($"not a generated numeric or calculated stem: {stem}");
        var demand = int.Parse(draw.Groups["d"].Value, CultureInfo.InvariantCulture);
        var lead = int.Parse(draw.Groups["l"].Value, CultureInfo.InvariantCulture);
        return (demand * lead).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>An option's label without its "A." letter, which is hidden from assistive technology: its accessible name.</summary>
    private static async Task<string> NameOfAsync(ILocator input) =>
        OptionLetter().Replace(await input.EvaluateAsync<string>("el => el.labels[0].innerText"), "").Trim();

    private ILocator Choices(Regex name) =>
        Options.GetByRole(AriaRole.Radio, new() { NameRegex = name }).Or(Options.GetByRole(AriaRole.Checkbox, new() { NameRegex = name }));

    // These patterns go to the browser (Playwright translates them to JavaScript): keep them to plain syntax.
    [GeneratedRegex("^(Choose one answer|Select all that apply)")]
    private static partial Regex OptionsLegend();

    [GeneratedRegex("^Your answer")]
    private static partial Regex NumericLabel();

    [GeneratedRegex("^Key")]
    private static partial Regex KeyName();

    [GeneratedRegex("^Distractor")]
    private static partial Regex DistractorName();

    [GeneratedRegex(@"daily demand is (?<d>\d+) units and the lead time is (?<l>\d+) days")]
    private static partial Regex CalculatedDraw();

    [GeneratedRegex(@"^[A-Z]\.\s*")]
    private static partial Regex OptionLetter();
}

public enum QuestionKind
{
    SingleAnswer,
    MultipleAnswer,
    Numeric,
}

/// <summary>What a test answered: the accessible names of the chosen options, or the number typed.</summary>
public sealed record GivenAnswer(QuestionKind Kind, IReadOnlyList<string> Chosen, string? Numeric);

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPrep.Web.UiTests.Pages;

/// <summary>/Exams for one credential: choose a length and start a mock exam.</summary>
public sealed class ExamsPage(IPage page)
{
    public const string Path = "/Exams";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Mock exams", Exact = true, Level = 1 });

    public ILocator Lengths => page.GetByRole(AriaRole.Group, new() { Name = "Length", Exact = true });

    /// <summary>A length choice by its label's start: "Full exam", "Half exam" or "Quarter exam".</summary>
    public ILocator Length(string name) => Lengths.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^" + Regex.Escape(name)) });

    public ILocator StartButton => page.GetByRole(AriaRole.Button, new() { Name = "Start the exam", Exact = true });

    public async Task GotoAsync(string credentialId)
    {
        await page.GotoAsync($"{Path}?credential={credentialId}");
        await Expect(Heading).ToBeVisibleAsync();
    }

    /// <summary>Starts an exam of the length (with the mouse) and waits for its first question.</summary>
    public async Task<ExamPage> StartAsync(string credentialId, string length = "Full exam")
    {
        await GotoAsync(credentialId);
        await Length(length).CheckAsync();
        await StartButton.ClickAsync();
        var exam = new ExamPage(page);
        await exam.ExpectAtAsync(1);
        return exam;
    }
}

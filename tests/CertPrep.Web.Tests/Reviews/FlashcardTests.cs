using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using CertPrep.Domain.Scheduling;
using CertPrep.Web.Library;
using CertPrep.Web.Reviews;
using CertPrep.Web.Tests.Infrastructure;
using CertPrep.Web.Tests.Library;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Tests.Reviews;

/// <summary>Glossary flashcards on the repository's real content: reading a module adds its key terms, both ways.</summary>
public sealed class FlashcardTests(RepositoryContentOnSiteTests.Site site) : IClassFixture<RepositoryContentOnSiteTests.Site>
{
    private const string Module = "cpim-inventory";

    [Fact]
    public async Task ReadingAModule_AddsTwoCardsPerKeyTerm_Once()
    {
        var (client, userId) = await site.LearnerWithIdAsync("cpim");
        var keyTerms = await KeyTermsAsync();

        await MarkReadAsync(client);
        await MarkReadAsync(client);

        var cards = await site.QueryAsync(db => db.ReviewCards.Where(c => c.UserId == userId).ToListAsync());
        cards.Count.ShouldBe(keyTerms.Count * 2);
        cards.Where(c => c.Kind == CardKind.TermToDefinition).Select(c => c.ItemId).Order(StringComparer.Ordinal).ShouldBe(keyTerms.Order(StringComparer.Ordinal));
        cards.ShouldAllBe(c => c.State == CardState.New && c.CredentialId == "cpim" && c.Topic == $"term:{c.ItemId}");
    }

    [Fact]
    public async Task Flashcard_ShowsItsFront_ThenTheAnswer_AndIsGradedWithTheFourButtons()
    {
        var (client, userId) = await site.LearnerWithIdAsync("cpim");
        await MarkReadAsync(client);

        var front = await client.GetDocumentAsync("/Review");
        front.QuerySelector("[data-testid=flashcard-front]").ShouldNotBeNull();
        front.QuerySelector("[data-testid=flashcard-back]").ShouldBeNull();
        var reveal = front.QuerySelector("[data-testid=show-answer]")!.GetAttribute("href")!;
        var back = await client.GetDocumentAsync(reveal);
        back.QuerySelector("[data-testid=flashcard-back]").ShouldNotBeNull();
        back.QuerySelectorAll(".grade-buttons button[name=grade]").Select(b => b.GetAttribute("value")).ShouldBe(["Again", "Hard", "Good", "Easy"]);

        var form = (IHtmlFormElement)back.QuerySelector(".grade-buttons")!;
        var cardId = long.Parse(form.QuerySelector("input[name=cardId]")!.GetAttribute("value")!, CultureInfo.InvariantCulture);
        var graded = await client.SubmitAsync(form, reveal, new Dictionary<string, string> { ["grade"] = "Good" });
        var again = await client.SubmitAsync(form, reveal, new Dictionary<string, string> { ["grade"] = "Good" });

        graded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Headers.Location.ShouldBe(graded.Headers.Location, "a double submit counts once");
        var card = await site.QueryAsync(db => db.ReviewCards.SingleAsync(c => c.Id == cardId && c.UserId == userId));
        (card.Reps, card.State).ShouldBe((1, CardState.Learning));
        var log = await site.QueryAsync(db => db.ReviewLogs.SingleAsync(l => l.CardId == cardId));
        (log.Grade, log.Source, log.WasNew).ShouldBe((Grade.Good, ReviewSource.Review, true));
    }

    [Fact]
    public async Task NewCards_StopAtTheDailyLimit()
    {
        var (client, userId) = await site.LearnerWithIdAsync("cpim");
        await MarkReadAsync(client);
        await site.QueryAsync(db =>
        {
            db.StudySettings.Add(new StudySettings { UserId = userId, NewPerDay = 2 });
            return db.SaveChangesAsync();
        });

        for (var i = 0; i < 2; i++)
        {
            var page = await client.GetDocumentAsync("/Review");
            var reveal = await client.GetDocumentAsync(page.QuerySelector("[data-testid=show-answer]")!.GetAttribute("href")!);
            (await client.SubmitAsync((IHtmlFormElement)reveal.QuerySelector(".grade-buttons")!, "/Review", new Dictionary<string, string> { ["grade"] = "Easy" }))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var done = await client.GetDocumentAsync("/Review");
        done.QuerySelector("[data-testid=review-done]").ShouldNotBeNull("two new cards a day, both done (Easy graduates at once)");
        done.QuerySelector("[data-testid=review-remaining]")!.TextContent.ShouldBe("0");
    }

    [Fact]
    public async Task NewCards_Stop_AndTheLearnerIsTold_WhenTheExamIsTooClose()
    {
        var (client, userId) = await site.LearnerWithIdAsync("cpim");
        await MarkReadAsync(client);
        await site.QueryAsync(db => db.Enrolments.Where(e => e.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ExamDate, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(2))));

        var page = await client.GetDocumentAsync("/Review");

        page.QuerySelector("[data-testid=new-cards-stopped]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=review-done]").ShouldNotBeNull("no new card is offered");
        (await client.GetDocumentAsync("/Review/Forecast")).Body!.TextContent.ShouldContain("New cards have stopped");
    }

    private async Task MarkReadAsync(HttpClient client)
    {
        var response = await client.SubmitFormAsync($"/Modules/{Module}", new Dictionary<string, string> { ["read"] = "true" }, "form[action*='MarkRead']");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private Task<List<string>> KeyTermsAsync() =>
        site.QueryAsync(async db => LibraryJson.Read<ModuleMetadata>(await db.Modules.Where(m => m.Id == Module).Select(m => m.MetadataJson).SingleAsync()).KeyTerms.ToList());
}

using System.Net;
using CertPrep.Domain.Scheduling;
using CertPrep.Tests.Shared;
using CertPrep.Web.Adaptive;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Tests.Adaptive;

/// <summary>Adaptive practice and the diagnostic over HTTP: one item at a time, chosen after each answer, with its reason.</summary>
public abstract class AdaptivePracticeTests(LearningFixture app)
{
    [Fact]
    public async Task AdaptiveSession_ChoosesEachItemAfterTheLastAnswer_AndSaysWhy()
    {
        var learner = await app.EnrolledLearnerAsync();
        var id = await StartAsync(learner, "Adaptive", new() { ["count"] = "4", ["reviewPercent"] = "0" });

        (await ItemsAsync(id)).Count.ShouldBe(1, "only the first item exists before any answer");
        var page = await learner.Client.GetDocumentAsync($"/Practice/{id}");
        page.QuerySelector("[data-testid=selection-reason]")!.TextContent.ShouldContain("Why this question:");
        page.QuerySelector("h1")!.TextContent.ShouldContain("of 4");

        for (var position = 1; position <= 4; position++)
        {
            await learner.AnswerPracticeAsync(id, position, key: position % 2 == 1);
        }

        var items = await ItemsAsync(id);
        items.Count.ShouldBe(4, "the session stops at its length");
        items.Select(i => i.QuestionId).Distinct().Count().ShouldBe(4);
        items.ShouldAllBe(i => i.SelectionReason != null && i.IsCorrect != null);
        (await app.QueryAsync(db => db.AbilityStates.SingleAsync(s => s.UserId == learner.UserId))).Responses.ShouldBe(4);
    }

    [Fact]
    public async Task AdaptiveSession_GivesADueReviewFirst_WhenTheLearnerAsksForReviews()
    {
        var learner = await app.EnrolledLearnerAsync();
        var quiz = await learner.QuickQuizAsync();
        var first = await app.SingleChoicePositionAsync(quiz);
        await learner.AnswerPracticeAsync(quiz, first, key: true);
        var questionId = await app.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == quiz && i.Position == first).Select(i => i.QuestionId).SingleAsync());
        await app.QueryAsync(db => db.ReviewCards.Where(c => c.UserId == learner.UserId && c.ItemId == questionId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CardState.Review).SetProperty(c => c.DueDay, 0).SetProperty(c => c.Stability, 3.0)));

        var id = await StartAsync(learner, "Adaptive", new() { ["count"] = "3", ["reviewPercent"] = "100" });

        var item = (await ItemsAsync(id)).Single();
        (item.QuestionId, item.SelectionReason).ShouldBe((questionId, AdaptiveService.DueReviewReason));
    }

    [Fact]
    public async Task Diagnostic_AsksAcrossTheDomains_AndStopsByItself()
    {
        var learner = await app.EnrolledLearnerAsync();
        var id = await StartAsync(learner, "Diagnostic", []);

        var position = 1;
        while (position <= 40 && (await ItemsAsync(id)).Count >= position)
        {
            await learner.AnswerPracticeAsync(id, position, key: position % 3 != 0);
            position++;
        }

        var items = await ItemsAsync(id);
        items.Count.ShouldBeInRange(16, 30);
        items.Select(i => i.DomainId).Distinct().Count().ShouldBe(2, "both domains of the credential are measured");
        items.ShouldAllBe(i => i.SelectionReason!.StartsWith("diagnostic", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnotherLearner_CannotStartASessionForACredentialTheyAreNotEnrolledIn()
    {
        var learner = await app.EnrolledLearnerAsync();
        var page = await learner.Client.GetDocumentAsync($"/Practice?credential={ExamContent.CredentialId}");

        var response = await learner.Client.PostAsync("/Practice?handler=Adaptive", LearningRequests.Token(page), [new("credentialId", ExamContent.SmallCredentialId), new("count", "5"), new("reviewPercent", "0")]);

        response.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.Attempts.CountAsync(a => a.UserId == learner.UserId && a.CredentialId == ExamContent.SmallCredentialId))).ShouldBe(0);
    }

    private async Task<long> StartAsync(Learner learner, string handler, Dictionary<string, string> fields)
    {
        var page = await learner.Client.GetDocumentAsync($"/Practice?credential={ExamContent.CredentialId}");
        var response = await learner.Client.PostAsync($"/Practice?handler={handler}", LearningRequests.Token(page), [new("credentialId", ExamContent.CredentialId), .. fields]);
        return LearningRequests.QuizId(response);
    }

    private Task<List<CertPrep.Web.Attempts.AttemptItem>> ItemsAsync(long id) =>
        app.QueryAsync(db => db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == id).OrderBy(i => i.Position).ToListAsync());
}

[Collection(SqliteLearningCollection.Name)]
public sealed class SqliteAdaptivePracticeTests(SqliteLearningFixture app) : AdaptivePracticeTests(app);

[Collection(PostgresLearningCollection.Name)]
public sealed class PostgresAdaptivePracticeTests(PostgresLearningFixture app) : AdaptivePracticeTests(app);

using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using CertPrep.Tests.Shared;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Tests.Adaptive;

/// <summary>Abilities from every answer, and the Mastery page with readiness gated on evidence.</summary>
public abstract class MasteryFlowTests(LearningFixture app)
{
    [Fact]
    public async Task Answers_UpdateTheLearnersAbilities_AsTheyAreGiven()
    {
        var learner = await app.EnrolledLearnerAsync();
        var quiz = await learner.QuickQuizAsync();
        var positions = await app.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == quiz).OrderBy(i => i.Position).Select(i => i.Position).Take(4).ToListAsync());
        foreach (var position in positions)
        {
            await learner.AnswerPracticeAsync(quiz, position, key: position % 2 == 0);
        }

        var state = await app.QueryAsync(db => db.AbilityStates.SingleAsync(s => s.UserId == learner.UserId && s.CredentialId == ExamContent.CredentialId));
        state.Responses.ShouldBe(4);
        var abilities = state.Read();
        abilities.Domains.Values.Sum(d => d.Responses).ShouldBe(4);
        abilities.Overall.Sd.ShouldBeLessThan(1);
    }

    [Fact]
    public async Task MasteryPage_SaysWhatEvidenceIsMissing_BeforeProjectingAScore()
    {
        var learner = await app.EnrolledLearnerAsync();

        var page = await learner.Client.GetDocumentAsync($"/Mastery/{ExamContent.CredentialId}");

        page.QuerySelector("[data-testid=readiness-missing]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=readiness-projection]").ShouldBeNull();
        page.QuerySelector("[data-testid=readiness]")!.TextContent.ShouldContain("0 of 10 answers");
        page.QuerySelectorAll("[data-testid=mastery-table] tbody tr").Length.ShouldBe(2, "one row per domain of the credential");
    }

    [Fact]
    public async Task MasteryPage_ProjectsTheScoreOnTheExamScale_AfterAMockExam()
    {
        var learner = await app.EnrolledLearnerAsync();
        var id = await learner.Client.StartExamAsync("Quarter");
        var items = await app.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == id).OrderBy(i => i.Position).Select(i => i.Position).ToListAsync());
        foreach (var position in items.Take(4))
        {
            var take = await learner.Client.GetDocumentAsync($"/Exams/{id}/Take?q={position}");
            List<KeyValuePair<string, string>> fields = [new("Position", position.ToString(CultureInfo.InvariantCulture)), .. LearningRequests.AnswerFields(take, key: true)];
            (await learner.Client.PostAsync($"/Exams/{id}/Take?handler=Save", LearningRequests.Token(take), fields, json: true)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var review = await learner.Client.GetDocumentAsync($"/Exams/{id}/Review");
        await learner.Client.SubmitAsync((IHtmlFormElement)review.QuerySelector("form.submit-exam")!, $"/Exams/{id}/Review");

        var page = await learner.Client.GetDocumentAsync($"/Mastery/{ExamContent.CredentialId}");

        var projection = page.QuerySelector("[data-testid=readiness-projection]")!.TextContent;
        projection.ShouldContain("Projected score");
        projection.ShouldContain("200–350");
        page.QuerySelector("[data-testid=pass-probability]")!.TextContent.ShouldMatch(@"^\d{1,3}%$");
        page.QuerySelector("[data-testid=readiness-lever]").ShouldNotBeNull();
    }

    [Fact]
    public async Task MasteryPage_IsNotFound_ForACredentialTheLearnerIsNotEnrolledIn()
    {
        var learner = await app.EnrolledLearnerAsync();

        (await learner.Client.GetAsync($"/Mastery/{ExamContent.SmallCredentialId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteLearningCollection.Name)]
public sealed class SqliteMasteryFlowTests(SqliteLearningFixture app) : MasteryFlowTests(app);

[Collection(PostgresLearningCollection.Name)]
public sealed class PostgresMasteryFlowTests(PostgresLearningFixture app) : MasteryFlowTests(app);

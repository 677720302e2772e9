using System.Net;
using CertPrep.Tests.Shared;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Tests.Adaptive;

/// <summary>The item-analysis page: statistics per question version from learners' answers, for authors only.</summary>
public abstract class ItemAnalysisTests(LearningFixture app)
{
    [Fact]
    public async Task ItemAnalysis_ShowsEachQuestionsResponses_FromLearnersAnswers_ToAuthorsOnly()
    {
        var learner = await app.EnrolledLearnerAsync();
        var quiz = await learner.QuickQuizAsync();
        var q = await app.SingleChoicePositionAsync(quiz);
        await learner.AnswerPracticeAsync(quiz, q, key: true);
        var questionId = await app.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == quiz && i.Position == q).Select(i => i.QuestionId).SingleAsync());
        var author = app.NewClient();
        var email = Infrastructure.Accounts.NewEmail("author");
        await app.Factory.CreateUserAsync(email, Infrastructure.Accounts.Password, CertPrep.Web.Accounts.Roles.Author);
        (await author.SignInAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await author.GetDocumentAsync($"/Author/Items?credential={ExamContent.CredentialId}&sort=responses&q={questionId}");

        var row = page.QuerySelector($"[data-testid=item-table] tr[data-question='{questionId}']")!;
        row.ShouldNotBeNull();
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        int.Parse(cells[0].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
        cells[0].ShouldContain("(small sample)");
        row.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/Author/Preview/{questionId}");
        row.QuerySelector("code")!.TextContent.ShouldMatch(@"^mock/questions/.+\.md:\d+$");
        (await learner.Client.GetAsync($"/Author/Items?credential={ExamContent.CredentialId}")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }
}

[Collection(SqliteLearningCollection.Name)]
public sealed class SqliteItemAnalysisTests(SqliteLearningFixture app) : ItemAnalysisTests(app);

[Collection(PostgresLearningCollection.Name)]
public sealed class PostgresItemAnalysisTests(PostgresLearningFixture app) : ItemAnalysisTests(app);

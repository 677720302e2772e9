using CertPrep.Domain.Practice;
using System.Net;
using AngleSharp.Html.Dom;
using CertPrep.Tests.Shared;
using CertPrep.Web.Attempts;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Tests.Practice;

/// <summary>Tutor-mode practice over HTTP: quizzes, feedback, confidence, miss reasons, flags, notes, reports.</summary>
public abstract class PracticeFlowTests(LearningFixture app)
{
    [Fact]
    public async Task Quick10_StartsTenDifferentQuestions_AndTheNextOneAvoidsThemOnceAnswered()
    {
        var learner = await app.EnrolledLearnerAsync();
        var first = await learner.QuickQuizAsync();
        var firstQuestions = await QuestionsAsync(first);
        firstQuestions.Count.ShouldBe(10);
        firstQuestions.Distinct().Count().ShouldBe(10);
        for (var p = 1; p <= 10; p++)
        {
            await learner.AnswerPracticeAsync(first, p, key: true);
        }

        var second = await learner.QuickQuizAsync();
        (await QuestionsAsync(second)).Intersect(firstQuestions).ShouldBeEmpty();
    }

    [Fact]
    public async Task Answer_ShowsFeedbackRationalesExplanationAndSource_OnlyAfterSubmitting()
    {
        var learner = await app.EnrolledLearnerAsync();
        var quiz = await learner.QuickQuizAsync();
        var q = await app.SingleChoicePositionAsync(quiz);
        var before = await learner.Client.GetAsync($"/Practice/{quiz}?q={q}");
        var html = await before.Content.ReadAsStringAsync();
        html.ShouldNotContain(ExamContent.SecretMarker);
        html.ShouldNotContain(ExamContent.ExplanationMarker);

        await learner.AnswerPracticeAsync(quiz, q, key: false, confidence: "Guessing");

        var after = await learner.Client.GetDocumentAsync($"/Practice/{quiz}?q={q}");
        after.QuerySelector("[data-testid=verdict]")!.TextContent.ShouldContain("Not correct");
        after.QuerySelectorAll(".rationale").Length.ShouldBeGreaterThanOrEqualTo(1);
        after.Body!.TextContent.ShouldContain(ExamContent.ExplanationMarker);
        after.QuerySelector(".source a")!.GetAttribute("href")!.ShouldStartWith("/Modules/mock-basics#");
        after.QuerySelector(".is-key")!.ShouldNotBeNull();
        var item = await app.QueryAsync(db => db.AttemptItems.SingleAsync(i => i.AttemptId == quiz && i.Position == q));
        item.Confidence.ShouldBe(Confidence.Guessing);
        item.IsCorrect.ShouldBe(false);
    }

    [Fact]
    public async Task Answer_CountsOnce_WhenSubmittedTwice()
    {
        var learner = await app.EnrolledLearnerAsync();
        var quiz = await learner.QuickQuizAsync();
        var q = await app.SingleChoicePositionAsync(quiz);
        var page = await learner.Client.GetDocumentAsync($"/Practice/{quiz}?q={q}");
        var position = q.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var url = $"/Practice/{quiz}?handler=Answer";

        var first = await learner.Client.PostAsync(url, LearningRequests.Token(page), [new("position", position), new("Choice", "0")]);
        var stored = await app.QueryAsync(db => db.AttemptItems.SingleAsync(i => i.AttemptId == quiz && i.Position == q));
        var second = await learner.Client.PostAsync(url, LearningRequests.Token(page), [new("position", position), new("Choice", "1")]);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var item = await app.QueryAsync(db => db.AttemptItems.SingleAsync(i => i.AttemptId == quiz && i.Position == q));
        item.Revision.ShouldBe(1);
        item.Choices.ShouldBe(stored.Choices);
        item.IsCorrect.ShouldBe(stored.IsCorrect);
    }

    [Fact]
    public async Task MissReason_FlagAndNote_AreStoredForTheLearner_AndTheFlaggedFilterFindsTheQuestion()
    {
        var learner = await app.EnrolledLearnerAsync();
        var quiz = await learner.QuickQuizAsync();
        await learner.AnswerPracticeAsync(quiz, 1, key: false);
        var page = await learner.Client.GetDocumentAsync($"/Practice/{quiz}?q=1");
        var token = LearningRequests.Token(page);

        (await learner.Client.PostAsync($"/Practice/{quiz}?handler=Reason", token, [new("position", "1"), new("reason", "Misread")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await learner.Client.PostAsync($"/Practice/{quiz}?handler=Mark", token, [new("position", "1"), new("flagged", "true")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await learner.Client.PostAsync($"/Practice/{quiz}?handler=Mark", token, [new("position", "1"), new("note", "Re-read the planning section.")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var item = await app.QueryAsync(db => db.AttemptItems.SingleAsync(i => i.AttemptId == quiz && i.Position == 1));
        item.MissReason.ShouldBe(MissReason.Misread);
        var mark = await app.QueryAsync(db => db.QuestionMarks.SingleAsync(m => m.UserId == learner.UserId && m.QuestionId == item.QuestionId));
        mark.Flagged.ShouldBeTrue();
        mark.Note.ShouldBe("Re-read the planning section.");

        var flaggedQuiz = await BuildAsync(learner, [new("Input.Filters", "Flagged"), new("Input.Count", "20")]);
        (await QuestionsAsync(flaggedQuiz)).ShouldBe([item.QuestionId]);
        var wrongQuiz = await BuildAsync(learner, [new("Input.Filters", "PreviouslyIncorrect"), new("Input.Count", "20"), new("Input.IncludeRecentlySeen", "true")]);
        (await QuestionsAsync(wrongQuiz)).ShouldBe([item.QuestionId]);
    }

    [Fact]
    public async Task Builder_RespectsDomainsAndDifficulty()
    {
        var learner = await app.EnrolledLearnerAsync();
        var quiz = await BuildAsync(learner, [new("Input.Domains", "quality"), new("Input.Difficulties", "Hard"), new("Input.Count", "100")]);
        var items = await app.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == quiz)
            .Join(db.QuestionVersions, i => i.QuestionVersionId, v => v.Id, (i, v) => new { i.DomainId, v.Difficulty, v.QuestionId }).ToListAsync());
        items.ShouldNotBeEmpty();
        items.ShouldAllBe(i => i.DomainId == "quality" && i.Difficulty == "Hard");
        items.Select(i => i.QuestionId).Distinct().Count().ShouldBe(items.Count);
    }

    [Fact]
    public async Task ProblemReport_LandsInTheAuthorQueue_WhereAnAuthorClosesIt()
    {
        var learner = await app.EnrolledLearnerAsync();
        var quiz = await learner.QuickQuizAsync();
        var page = await learner.Client.GetDocumentAsync($"/Practice/{quiz}?q=2");
        var text = $"Option B reads ambiguously {Guid.NewGuid():N}";
        (await learner.Client.PostAsync($"/Practice/{quiz}?handler=Report", LearningRequests.Token(page), [new("position", "2"), new("text", text)])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await learner.Client.GetAsync("/Author/Reports")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var authorEmail = Infrastructure.Accounts.NewEmail("author");
        await app.Factory.CreateUserAsync(authorEmail, Infrastructure.Accounts.Password, CertPrep.Web.Accounts.Roles.Author);
        var author = app.NewClient();
        await author.SignInAsync(authorEmail);
        var queue = await author.GetDocumentAsync("/Author/Reports");
        var card = queue.QuerySelectorAll("li.card").Single(c => c.TextContent.Contains(text, StringComparison.Ordinal));
        card.TextContent.ShouldContain("version 1");
        var close = await author.SubmitAsync((IHtmlFormElement)card.QuerySelector("form")!, "/Author/Reports", new Dictionary<string, string> { ["resolution"] = "Reworded option B." });
        close.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var report = await app.QueryAsync(db => db.ProblemReports.SingleAsync(r => r.Text == text));
        report.ClosedUtc.ShouldNotBeNull();
        report.Resolution.ShouldBe("Reworded option B.");
        (await author.GetDocumentAsync("/Author/Reports")).QuerySelectorAll("li.card").ShouldNotContain(c => c.TextContent.Contains(text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnotherLearner_CannotReadOrAnswerMyQuiz()
    {
        var owner = await app.EnrolledLearnerAsync();
        var quiz = await owner.QuickQuizAsync();
        var intruder = await app.EnrolledLearnerAsync();
        var token = LearningRequests.Token(await intruder.Client.GetDocumentAsync("/Practice"));

        (await intruder.Client.GetAsync($"/Practice/{quiz}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.Client.GetAsync($"/Practice/{quiz}/Summary")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.Client.PostAsync($"/Practice/{quiz}?handler=Answer", token, [new("position", "1"), new("Choice", "0")])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.Client.PostAsync($"/Practice/{quiz}?handler=Mark", token, [new("position", "1"), new("flagged", "true")])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.Client.PostAsync($"/Practice/{quiz}?handler=Report", token, [new("position", "1"), new("text", "x")])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.QueryAsync(db => db.AttemptItems.SingleAsync(i => i.AttemptId == quiz && i.Position == 1))).IsAnswered.ShouldBeFalse();
    }

    [Fact]
    public async Task Enrolment_IsShownOnTheDashboard_WithExamDateAndWeeklyHours()
    {
        var learner = await app.EnrolledLearnerAsync();
        var date = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(90);
        var saved = await learner.Client.SubmitFormAsync("/Enrolments", new Dictionary<string, string>
        {
            ["Input.CredentialId"] = ExamContent.CredentialId,
            ["Input.FormId"] = "percent",
            ["Input.ExamDate"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.WeeklyHours"] = "7",
        }, $"form:has(input[value='{ExamContent.CredentialId}'])");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var dashboard = await learner.Client.GetDocumentAsync("/Dashboard");
        var card = dashboard.QuerySelector($"[data-testid=enrolment-{ExamContent.CredentialId}]")!;
        card.TextContent.ShouldContain("Mock percent exam");
        card.TextContent.ShouldContain("90 days to go");
        card.TextContent.ShouldContain("7 hours");

        var invalid = await learner.Client.SubmitFormAsync("/Enrolments", new Dictionary<string, string>
        {
            ["Input.CredentialId"] = ExamContent.CredentialId,
            ["Input.WeeklyHours"] = "500",
        }, $"form:has(input[value='{ExamContent.CredentialId}'])");
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync()).ShouldContain("between 1 and 80");
    }

    private async Task<long> BuildAsync(Learner learner, KeyValuePair<string, string>[] fields)
    {
        var page = await learner.Client.GetDocumentAsync($"/Practice?credential={ExamContent.CredentialId}");
        var response = await learner.Client.PostAsync("/Practice?handler=Build", LearningRequests.Token(page), [new("Input.CredentialId", ExamContent.CredentialId), .. fields]);
        return LearningRequests.QuizId(response);
    }

    private Task<List<string>> QuestionsAsync(long quiz) =>
        app.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == quiz).OrderBy(i => i.Position).Select(i => i.QuestionId).ToListAsync());
}

[Collection(SqliteLearningCollection.Name)]
public sealed class SqlitePracticeFlowTests(SqliteLearningFixture app) : PracticeFlowTests(app);

[Collection(PostgresLearningCollection.Name)]
public sealed class PostgresPracticeFlowTests(PostgresLearningFixture app) : PracticeFlowTests(app);

using System.Net;
using AngleSharp.Html.Dom;
using CertPrep.Tests.Shared;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Exams;

/// <summary>Mock exams over HTTP: form assembly, answer persistence, idempotence, the deadline, reports, privacy.</summary>
public abstract class ExamFlowTests(LearningFixture app)
{
    [Theory]
    [InlineData("Full", 24, 12, 8, 4)]
    [InlineData("Half", 12, 6, 4, 2)]
    [InlineData("Quarter", 6, 3, 2, 1)]
    public async Task Start_BuildsAFormInTheBlueprintsProportions_ForEveryLength(string length, int total, int planning, int quality, int pretest)
    {
        var learner = await app.EnrolledLearnerAsync();
        var id = await learner.Client.StartExamAsync(length);

        var attempt = await app.QueryAsync(db => db.Attempts.Include(a => a.Items).SingleAsync(a => a.Id == id));
        attempt.Items.Count.ShouldBe(total);
        attempt.Items.Count(i => !i.IsPretest && i.DomainId == "planning").ShouldBe(planning);
        attempt.Items.Count(i => !i.IsPretest && i.DomainId == "quality").ShouldBe(quality);
        attempt.Items.Count(i => i.IsPretest).ShouldBe(pretest);
        attempt.Items.Select(i => i.QuestionId).Distinct().Count().ShouldBe(total);
        var minutes = (int)Math.Ceiling(ExamContent.Minutes * (double)total / (ExamContent.ScoredItems + ExamContent.PretestItems));
        attempt.TimeLimitMinutes.ShouldBe(minutes);
        (attempt.DeadlineUtc!.Value - attempt.StartedUtc).ShouldBe(TimeSpan.FromMinutes(minutes));
    }

    [Fact]
    public async Task Save_KeepsTheAnswerOnTheServer_AcrossReloadAndRestart()
    {
        var learner = await app.EnrolledLearnerAsync();
        var id = await learner.Client.StartExamAsync("Full");
        var q = await app.SingleChoicePositionAsync(id);
        var page = await learner.Client.GetDocumentAsync($"/Exams/{id}/Take?q={q}");
        var choice = ChoiceInputs(page)[1].Value;

        var saved = await learner.Client.PostAsync($"/Exams/{id}/Take?handler=Save", LearningRequests.Token(page), [new("Position", q.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Choice", choice)], json: true);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.JsonAsync()).GetProperty("saved").GetBoolean().ShouldBeTrue();

        var reloaded = await learner.Client.GetDocumentAsync($"/Exams/{id}/Take?q={q}");
        CheckedValues(reloaded).ShouldBe([choice]);
        var deadline = await app.QueryAsync(db => db.Attempts.Where(a => a.Id == id).Select(a => a.DeadlineUtc).SingleAsync());

        await using var restarted = app.Restarted();
        var client = app.NewClient(restarted);
        (await client.SignInAsync(learner.Email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var afterRestart = await client.GetDocumentAsync($"/Exams/{id}/Take?q={q}");
        CheckedValues(afterRestart).ShouldBe([choice]);
        var remaining = long.Parse(afterRestart.QuerySelector("[data-timer]")!.GetAttribute("data-remaining")!, System.Globalization.CultureInfo.InvariantCulture);
        remaining.ShouldBeLessThanOrEqualTo((long)(deadline!.Value - app.Clock.GetUtcNow().UtcDateTime).TotalSeconds + 1);
        remaining.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Save_CountsOnce_WhenTheSameAnswerIsSentTwice()
    {
        var learner = await app.EnrolledLearnerAsync();
        var id = await learner.Client.StartExamAsync("Full");
        var q = await app.SingleChoicePositionAsync(id);
        var page = await learner.Client.GetDocumentAsync($"/Exams/{id}/Take?q={q}");
        var choice = ChoiceInputs(page)[0].Value;
        var fields = new KeyValuePair<string, string>[] { new("Position", q.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Choice", choice) };

        var first = await (await learner.Client.PostAsync($"/Exams/{id}/Take?handler=Save", LearningRequests.Token(page), fields, json: true)).JsonAsync();
        var second = await (await learner.Client.PostAsync($"/Exams/{id}/Take?handler=Save", LearningRequests.Token(page), fields, json: true)).JsonAsync();

        first.GetProperty("changed").GetBoolean().ShouldBeTrue();
        second.GetProperty("changed").GetBoolean().ShouldBeFalse();
        second.GetProperty("revision").GetInt32().ShouldBe(first.GetProperty("revision").GetInt32());
        (await app.QueryAsync(db => db.AttemptItems.SingleAsync(i => i.AttemptId == id && i.Position == q))).Revision.ShouldBe(1);
    }

    [Fact]
    public async Task Save_LastWriteWinsWithAMessage_WhenAnotherTabChangedTheAnswer()
    {
        var learner = await app.EnrolledLearnerAsync();
        var id = await learner.Client.StartExamAsync("Full");
        var q = await app.SingleChoicePositionAsync(id);
        var position = q.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tabA = await learner.Client.GetDocumentAsync($"/Exams/{id}/Take?q={q}");
        var tabB = await learner.Client.GetDocumentAsync($"/Exams/{id}/Take?q={q}");
        var revision = tabA.QuerySelector("[data-revision]")!.GetAttribute("value")!;
        var choices = ChoiceInputs(tabA).Select(c => c.Value).ToList();

        var fromA = await (await learner.Client.PostAsync($"/Exams/{id}/Take?handler=Save", LearningRequests.Token(tabA), [new("Position", position), new("Choice", choices[0]), new("Revision", revision)], json: true)).JsonAsync();
        var fromB = await (await learner.Client.PostAsync($"/Exams/{id}/Take?handler=Save", LearningRequests.Token(tabB), [new("Position", position), new("Choice", choices[2]), new("Revision", revision)], json: true)).JsonAsync();

        fromA.GetProperty("message").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        fromB.GetProperty("saved").GetBoolean().ShouldBeTrue();
        fromB.GetProperty("message").GetString()!.ShouldContain("another tab");
        CheckedValues(await learner.Client.GetDocumentAsync($"/Exams/{id}/Take?q={q}")).ShouldBe([choices[2]]);
    }

    [Fact]
    public async Task ExamInProgress_NeverSendsTheKeyRationalesOrExplanations_InAnyResponse()
    {
        var learner = await app.EnrolledLearnerAsync();
        var id = await learner.Client.StartExamAsync("Full");
        var responses = new List<(string What, string Body)>();
        var total = await app.QueryAsync(db => db.AttemptItems.CountAsync(i => i.AttemptId == id));
        for (var q = 1; q <= total; q++)
        {
            using var get = await learner.Client.GetAsync($"/Exams/{id}/Take?q={q}");
            var html = await get.Content.ReadAsStringAsync();
            responses.Add(($"GET Take q={q}", html));
            var page = await HtmlForms.ParseAsync(get);
            var fields = new List<KeyValuePair<string, string>> { new("Position", q.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            if (page.QuerySelector("input[name=Numeric]") is not null)
            {
                fields.Add(new("Numeric", "12"));
            }
            else
            {
                fields.Add(new("Choice", ChoiceInputs(page)[0].Value));
            }

            using var save = await learner.Client.PostAsync($"/Exams/{id}/Take?handler=Save", LearningRequests.Token(page), fields, json: true);
            responses.Add(($"POST Save q={q}", await save.Content.ReadAsStringAsync()));
            using var plain = await learner.Client.PostAsync($"/Exams/{id}/Take?handler=Save", LearningRequests.Token(page), [.. fields, new("Navigate", "next")]);
            responses.Add(($"POST Save (form) q={q}", plain.StatusCode + (plain.Headers.Location?.OriginalString ?? "")));
        }

        foreach (var url in new[] { $"/Exams/{id}/Review", "/Exams", "/Dashboard", $"/Exams?credential={ExamContent.CredentialId}", $"/Exams/{id}/Report", $"/Exams/{id}/Take", $"/content-files/{ExamContent.CredentialId}/questions/planning.md" })
        {
            using var response = await learner.Client.GetAsync(url);
            responses.Add(($"GET {url}", await response.Content.ReadAsStringAsync()));
        }

        responses.Count.ShouldBeGreaterThan(total * 3);
        foreach (var (what, body) in responses)
        {
            foreach (var secret in new[] { ExamContent.SecretMarker, ExamContent.ExplanationMarker, "is-key", "tag-key", "Correct answer", "data-key", "isCorrect", "IsCorrect", "accepted within", "rationale" })
            {
                body.ShouldNotContain(secret, Case.Insensitive, $"{what} leaks '{secret}'");
            }
        }
    }

    [Fact]
    public async Task Deadline_SubmitsWithTheSavedAnswers_WhenTimeRunsOut()
    {
        var learner = await app.EnrolledLearnerAsync();
        var id = await learner.Client.StartExamAsync("Quarter");
        var keyed = await AnswerAsync(learner, id, 1, key: true);
        var page = await learner.Client.GetDocumentAsync($"/Exams/{id}/Take?q=2");

        app.Clock.Advance(TimeSpan.FromMinutes(ExamContent.Minutes));
        try
        {
            var late = await learner.Client.PostAsync($"/Exams/{id}/Take?handler=Save", LearningRequests.Token(page), [new("Position", "2"), new("Choice", "0")], json: true);
            late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await late.JsonAsync()).GetProperty("redirect").GetString().ShouldBe($"/Exams/{id}/Report");

            var attempt = await app.QueryAsync(db => db.Attempts.Include(a => a.Items).SingleAsync(a => a.Id == id));
            attempt.AutoSubmitted.ShouldBeTrue();
            attempt.SubmittedUtc.ShouldBe(attempt.DeadlineUtc);
            attempt.Items.Single(i => i.Position == 2).IsAnswered.ShouldBeFalse();
            attempt.Correct.ShouldBe(keyed && !attempt.Items.Single(i => i.Position == 1).IsPretest ? 1 : 0);

            using var take = await learner.Client.GetAsync($"/Exams/{id}/Take");
            take.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            take.Headers.Location!.OriginalString.ShouldBe($"/Exams/{id}/Report");
        }
        finally
        {
            app.Clock.Advance(-TimeSpan.FromMinutes(ExamContent.Minutes));
        }
    }

    [Fact]
    public async Task DeadlineJob_SubmitsExamsNobodyIsLookingAt()
    {
        var learner = await app.EnrolledLearnerAsync();
        var id = await learner.Client.StartExamAsync("Quarter");
        await AnswerAsync(learner, id, 1, key: true);

        app.Clock.Advance(TimeSpan.FromMinutes(ExamContent.Minutes));
        try
        {
            await using (var scope = app.Factory.Services.CreateAsyncScope())
            {
                var job = scope.ServiceProvider.GetRequiredService<CertPrep.Web.Exams.SubmitExpiredExamsJob>();
                await job.RunAsync(new CertPrep.Web.Jobs.BackgroundJobContext(CertPrep.Web.Exams.SubmitExpiredExamsJob.Name, 0, new Dictionary<string, string>(), app.Clock.GetUtcNow()), CancellationToken.None);
            }

            var submitted = await app.QueryAsync(db => db.Attempts.SingleAsync(a => a.Id == id));
            submitted.SubmittedUtc.ShouldNotBeNull();
            submitted.AutoSubmitted.ShouldBeTrue();
            submitted.ScoredItems.ShouldBe(5);
        }
        finally
        {
            app.Clock.Advance(-TimeSpan.FromMinutes(ExamContent.Minutes));
        }
    }

    [Fact]
    public async Task TimeSpent_IsCreditedToTheQuestionOnScreen_AndCappedWhenTheLearnerWalksAway()
    {
        var learner = await app.EnrolledLearnerAsync();
        var id = await learner.Client.StartExamAsync("Full");
        var moved = TimeSpan.Zero;
        try
        {
            await learner.Client.GetDocumentAsync($"/Exams/{id}/Take?q=1");
            app.Clock.Advance(TimeSpan.FromSeconds(40));
            moved += TimeSpan.FromSeconds(40);
            await AnswerAsync(learner, id, 1, key: false); // opening the page again credits the 40 s, the save adds ~0
            app.Clock.Advance(TimeSpan.FromSeconds(20));
            moved += TimeSpan.FromSeconds(20);
            await learner.Client.GetDocumentAsync($"/Exams/{id}/Take?q=2"); // 20 s more for question 1
            app.Clock.Advance(TimeSpan.FromMinutes(15));
            moved += TimeSpan.FromMinutes(15);
            await learner.Client.GetDocumentAsync($"/Exams/{id}/Review"); // away for 15 min: question 2 gets the cap

            var items = await app.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == id && i.Position <= 2).OrderBy(i => i.Position).ToListAsync());
            items[0].TimeSpentMs.ShouldBeInRange(60_000, 62_000);
            items[1].TimeSpentMs.ShouldBe((int)CertPrep.Web.Exams.ExamService.MaxCreditPerVisit.TotalMilliseconds);
            (await app.QueryAsync(db => db.Attempts.SingleAsync(a => a.Id == id))).LastPosition.ShouldBeNull();
        }
        finally
        {
            app.Clock.Advance(-moved);
        }
    }

    [Fact]
    public async Task Report_ScoresScoredItemsOnly_AndReviewsEveryQuestionWithItsRationales()
    {
        var learner = await app.EnrolledLearnerAsync();
        var id = await learner.Client.StartExamAsync("Full");
        var items = await app.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == id).OrderBy(i => i.Position).ToListAsync());
        var rightScored = 0;
        foreach (var item in items.Where(i => System.Text.RegularExpressions.Regex.IsMatch(i.QuestionId, @"^mock-[a-z]+-\d{3}$")).Take(10))
        {
            if (await AnswerAsync(learner, id, item.Position, key: true) && !item.IsPretest)
            {
                rightScored++;
            }
        }

        var review = await learner.Client.GetDocumentAsync($"/Exams/{id}/Review");
        var submit = await learner.Client.SubmitAsync((IHtmlFormElement)review.QuerySelector("form.submit-exam")!, $"/Exams/{id}/Review");
        submit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await learner.Client.SubmitAsync((IHtmlFormElement)review.QuerySelector("form.submit-exam")!, $"/Exams/{id}/Review");
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect); // a double submit is harmless

        var report = await learner.Client.GetDocumentAsync($"/Exams/{id}/Report");
        report.QuerySelector("[data-testid=raw-score]")!.TextContent.ShouldContain($"{rightScored} of {ExamContent.ScoredItems}");
        report.QuerySelector("[data-testid=projection]")!.TextContent.ShouldContain("Estimate");
        report.QuerySelectorAll("[data-testid=review-item]").Length.ShouldBe(items.Count);
        report.Body!.TextContent.ShouldContain(ExamContent.SecretMarker);
        report.QuerySelectorAll(".badge-info").Count(b => b.TextContent.Contains("pretest", StringComparison.OrdinalIgnoreCase)).ShouldBe(ExamContent.PretestItems);
        var domainRows = report.QuerySelectorAll("[data-testid=domain-scores] tbody tr");
        domainRows.Length.ShouldBe(2);
        domainRows[0].TextContent.ShouldContain("12");
        var stored = await app.QueryAsync(db => db.Attempts.SingleAsync(a => a.Id == id));
        stored.Correct.ShouldBe(rightScored);
        stored.ScoredItems.ShouldBe(ExamContent.ScoredItems);
    }

    [Fact]
    public async Task RedoMissed_StartsAPracticeQuizOfTheQuestionsNotAnsweredRight()
    {
        var learner = await app.EnrolledLearnerAsync();
        var id = await learner.Client.StartExamAsync("Quarter");
        var firstRight = await AnswerAsync(learner, id, 1, key: true);
        firstRight.ShouldBeTrue();
        var review = await learner.Client.GetDocumentAsync($"/Exams/{id}/Review");
        (await learner.Client.SubmitAsync((IHtmlFormElement)review.QuerySelector("form.submit-exam")!, $"/Exams/{id}/Review")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var report = await learner.Client.GetDocumentAsync($"/Exams/{id}/Report");
        var redo = await learner.Client.SubmitAsync((IHtmlFormElement)report.QuerySelector("[data-testid=redo-missed]")!.Closest("form")!, $"/Exams/{id}/Report");

        redo.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var quizId = long.Parse(redo.Headers.Location!.OriginalString.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        var examItems = await app.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == id).OrderBy(i => i.Position).Select(i => i.QuestionId).ToListAsync());
        var quizItems = await app.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == quizId).OrderBy(i => i.Position).Select(i => i.QuestionId).ToListAsync());
        quizItems.ShouldBe(examItems.Skip(1));
    }

    [Fact]
    public async Task NumericAnswers_AcceptCommonFormats_AndExplainTheRejectedOnes()
    {
        var learner = await app.EnrolledLearnerAsync(credentialId: ExamContent.SmallCredentialId);
        var id = await learner.Client.StartExamAsync("Full", ExamContent.SmallCredentialId);
        var numeric = await app.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == id && i.QuestionId.EndsWith("-numeric")).Select(i => i.Position).ToListAsync());
        numeric.Count.ShouldBe(2, "the full form draws every question of the small pool");
        var position = numeric[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var page = await learner.Client.GetDocumentAsync($"/Exams/{id}/Take?q={position}");
        page.QuerySelector($"#numeric-hint-{position}")!.TextContent.ShouldContain("1,234.5");

        foreach (var (text, right) in new[] { ("1,234.5", true), ("1234.5 units", true), ("1 234.5", true), ("1,230", false), ("1234.9", true), ("1235.1", false) })
        {
            var response = await learner.Client.PostAsync($"/Exams/{id}/Take?handler=Save", LearningRequests.Token(page), [new("Position", position), new("Numeric", text)], json: true);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
            (await app.QueryAsync(db => db.AttemptItems.SingleAsync(i => i.AttemptId == id && i.Position == numeric[0]))).IsCorrect.ShouldBe(right, text);
        }

        var rejected = await learner.Client.PostAsync($"/Exams/{id}/Take?handler=Save", LearningRequests.Token(page), [new("Position", position), new("Numeric", "1.234,5")], json: true);
        rejected.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await rejected.JsonAsync()).GetProperty("message").GetString()!.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task CalculatedQuestions_ShowTheSameNumbersInTheReport_AsDuringTheExam()
    {
        var learner = await app.EnrolledLearnerAsync(credentialId: ExamContent.SmallCredentialId);
        var id = await learner.Client.StartExamAsync("Full", ExamContent.SmallCredentialId);
        var position = await app.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == id && i.QuestionId.EndsWith("-calc")).Select(i => i.Position).FirstAsync());
        var during = (await learner.Client.GetDocumentAsync($"/Exams/{id}/Take?q={position}")).QuerySelector($"#stem-{position}")!.TextContent.Trim();
        during.ShouldNotContain("{D}");
        var review = await learner.Client.GetDocumentAsync($"/Exams/{id}/Review");
        await learner.Client.SubmitAsync((IHtmlFormElement)review.QuerySelector("form.submit-exam")!, $"/Exams/{id}/Review");

        var report = await learner.Client.GetDocumentAsync($"/Exams/{id}/Report");
        report.QuerySelector($"#q{position} #stem-{position}")!.TextContent.Trim().ShouldBe(during);
    }

    [Fact]
    public async Task AnotherLearner_GetsNotFound_ForEveryPageAndActionOfMyExam()
    {
        var owner = await app.EnrolledLearnerAsync();
        var id = await owner.Client.StartExamAsync("Quarter");
        var intruder = await app.EnrolledLearnerAsync();
        var ownPage = await intruder.Client.GetDocumentAsync("/Exams"); // for a valid antiforgery token of the intruder

        foreach (var url in new[] { $"/Exams/{id}/Take", $"/Exams/{id}/Take?q=1", $"/Exams/{id}/Review", $"/Exams/{id}/Report", $"/Exams/{id + 1000}/Take", $"/Practice/{id}" })
        {
            using var response = await intruder.Client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        var token = LearningRequests.Token(ownPage);
        (await intruder.Client.PostAsync($"/Exams/{id}/Take?handler=Save", token, [new("Position", "1"), new("Choice", "0")], json: true)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.Client.PostAsync($"/Exams/{id}/Review?handler=Submit", token, [])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.Client.PostAsync($"/Exams/{id}/Report?handler=Redo", token, [])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var item = await app.QueryAsync(db => db.AttemptItems.SingleAsync(i => i.AttemptId == id && i.Position == 1));
        item.IsAnswered.ShouldBeFalse();
        (await app.QueryAsync(db => db.Attempts.SingleAsync(a => a.Id == id))).SubmittedUtc.ShouldBeNull();
    }

    [Fact]
    public async Task History_ShowsTrendsPerDomain_AfterTwoExams()
    {
        var learner = await app.EnrolledLearnerAsync();
        for (var round = 0; round < 2; round++)
        {
            var id = await learner.Client.StartExamAsync("Quarter");
            var review = await learner.Client.GetDocumentAsync($"/Exams/{id}/Review");
            await learner.Client.SubmitAsync((IHtmlFormElement)review.QuerySelector("form.submit-exam")!, $"/Exams/{id}/Review");
        }

        var history = await learner.Client.GetDocumentAsync("/Exams");
        var rows = history.QuerySelectorAll("[data-testid=trends] tbody tr");
        rows.Length.ShouldBe(2);
        rows[0].TextContent.ShouldContain("0% → 0%");
        rows[0].TextContent.ShouldContain("+0 points");
    }

    [Fact]
    public async Task PercentForm_ProjectsOntoThePercentScale_WhenTheLearnerSimulatesIt()
    {
        var learner = await app.EnrolledLearnerAsync("percent");
        var id = await learner.Client.StartExamAsync("Full");
        (await app.QueryAsync(db => db.AttemptItems.CountAsync(i => i.AttemptId == id))).ShouldBe(ExamContent.ScoredItems);
        var review = await learner.Client.GetDocumentAsync($"/Exams/{id}/Review");
        await learner.Client.SubmitAsync((IHtmlFormElement)review.QuerySelector("form.submit-exam")!, $"/Exams/{id}/Review");

        var report = await learner.Client.GetDocumentAsync($"/Exams/{id}/Report");
        report.QuerySelector("[data-testid=projection]")!.TextContent.ShouldContain("pass mark 70");
    }

    /// <summary>Answers one item of an exam with the key (or a distractor); returns whether it was the key.</summary>
    private async Task<bool> AnswerAsync(Learner learner, long id, int position, bool key)
    {
        var page = await learner.Client.GetDocumentAsync($"/Exams/{id}/Take?q={position}");
        var fields = new List<KeyValuePair<string, string>> { new("Position", position.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        bool keyed;
        if (page.QuerySelector("input[name=Numeric]") is not null)
        {
            fields.Add(new("Numeric", key ? "1234.5" : "1"));
            keyed = key && page.QuerySelector($"#stem-{position}")!.TextContent.Contains("234.5", StringComparison.Ordinal);
        }
        else
        {
            var options = ChoiceInputs(page);
            var labels = options.Select(o => page.QuerySelector($"label[for='{o.Id}']")!.TextContent).ToList();
            var chosen = options.Where((o, i) => labels[i].Contains("Key", StringComparison.Ordinal) == key).ToList();
            foreach (var option in key ? chosen : chosen.Take(1))
            {
                fields.Add(new("Choice", option.Value));
            }

            keyed = key;
        }

        var response = await learner.Client.PostAsync($"/Exams/{id}/Take?handler=Save", LearningRequests.Token(page), fields, json: true);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return keyed;
    }

    private static List<IHtmlInputElement> ChoiceInputs(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("input[name=Choice]").Cast<IHtmlInputElement>()];

    private static List<string> CheckedValues(IHtmlDocument page) =>
        [.. ChoiceInputs(page).Where(i => i.IsChecked).Select(i => i.Value)];
}

[Collection(SqliteLearningCollection.Name)]
public sealed class SqliteExamFlowTests(SqliteLearningFixture app) : ExamFlowTests(app);

[Collection(PostgresLearningCollection.Name)]
public sealed class PostgresExamFlowTests(PostgresLearningFixture app) : ExamFlowTests(app);

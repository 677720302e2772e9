using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using CertPrep.Domain.Scheduling;
using CertPrep.Tests.Shared;
using CertPrep.Web.Reviews;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Reviews;

/// <summary>Spaced repetition over HTTP: cards from practice and exams, review sessions, undo, settings and planning jobs.</summary>
public abstract class ReviewFlowTests(LearningFixture app)
{
    [Fact]
    public async Task PracticeAnswer_CreatesACardGradedByTheRule_AndASecondSubmitCountsOnce()
    {
        var learner = await app.EnrolledLearnerAsync();
        var quiz = await learner.QuickQuizAsync();
        var q = await app.SingleChoicePositionAsync(quiz);
        var questionId = await QuestionAtAsync(quiz, q);

        var page = await learner.Client.GetDocumentAsync($"/Practice/{quiz}?q={q}");
        List<KeyValuePair<string, string>> fields = [new("position", q.ToString(CultureInfo.InvariantCulture)), new("confidence", "Sure"), .. LearningRequests.AnswerFields(page, key: false)];
        (await learner.Client.PostAsync($"/Practice/{quiz}?handler=Answer", LearningRequests.Token(page), fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await learner.Client.PostAsync($"/Practice/{quiz}?handler=Answer", LearningRequests.Token(page), fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var card = await CardAsync(learner.UserId, questionId);
        card.Kind.ShouldBe(CardKind.Question);
        card.CredentialId.ShouldBe(ExamContent.CredentialId);
        card.Reps.ShouldBe(1, "the second submit of the same item does not reach the card");
        var log = await app.QueryAsync(db => db.ReviewLogs.SingleAsync(l => l.CardId == card.Id));
        (log.Source, log.Grade, log.Correct).ShouldBe((ReviewSource.Practice, Grade.Again, false));

        var other = (await ItemsAsync(quiz)).First(p => p != q);
        await learner.AnswerPracticeAsync(quiz, other, key: true, confidence: "Guessing");
        var guessed = await CardAsync(learner.UserId, await QuestionAtAsync(quiz, other));
        (await app.QueryAsync(db => db.ReviewLogs.SingleAsync(l => l.CardId == guessed.Id))).Grade.ShouldBe(Grade.Hard, "right but guessing is Hard");
    }

    [Fact]
    public async Task ExamSubmit_UpdatesTheCardOfEveryAnsweredQuestion_Once()
    {
        var learner = await app.EnrolledLearnerAsync();
        var id = await learner.Client.StartExamAsync("Quarter");
        var items = await app.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == id).OrderBy(i => i.Position).Select(i => new { i.Position, i.QuestionId }).ToListAsync());
        var positions = items.Where(i => System.Text.RegularExpressions.Regex.IsMatch(i.QuestionId, "^[a-z]+-[a-z]+-[0-9]{3}$")).Select(i => i.Position).Take(3).ToList();
        positions.Count.ShouldBe(3, "single-answer questions, whose key the test can pick");
        foreach (var position in positions)
        {
            var page = await learner.Client.GetDocumentAsync($"/Exams/{id}/Take?q={position}");
            var fields = new List<KeyValuePair<string, string>> { new("Position", position.ToString(CultureInfo.InvariantCulture)) };
            fields.AddRange(LearningRequests.AnswerFields(page, key: true));
            (await learner.Client.PostAsync($"/Exams/{id}/Take?handler=Save", LearningRequests.Token(page), fields, json: true)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await app.QueryAsync(db => db.ReviewCards.CountAsync(c => c.UserId == learner.UserId))).ShouldBe(0, "no card moves while the exam is in progress");
        var review = await learner.Client.GetDocumentAsync($"/Exams/{id}/Review");
        await learner.Client.SubmitAsync((IHtmlFormElement)review.QuerySelector("form.submit-exam")!, $"/Exams/{id}/Review");
        await learner.Client.SubmitAsync((IHtmlFormElement)review.QuerySelector("form.submit-exam")!, $"/Exams/{id}/Review");

        var logs = await app.QueryAsync(db => db.ReviewLogs.Where(l => l.UserId == learner.UserId).ToListAsync());
        logs.Count.ShouldBe(3, "three answered questions, submitted twice, counted once");
        logs.ShouldAllBe(l => l.Source == ReviewSource.Exam && l.Correct == true);
    }

    [Fact]
    public async Task ReviewSession_ShowsTheDueQuestionWithoutItsKey_AndTheAnswerUpdatesTheCardOnce()
    {
        var learner = await app.EnrolledLearnerAsync();
        var (questionId, _) = await AnsweredInPracticeAsync(learner);
        app.Clock.Advance(TimeSpan.FromMinutes(11)); // the 10-minute learning step has passed

        var page = await learner.Client.GetDocumentAsync("/Review");
        var html = page.DocumentElement.OuterHtml;
        html.ShouldNotContain(ExamContent.SecretMarker);
        html.ShouldNotContain(ExamContent.ExplanationMarker);
        page.QuerySelector("[data-testid=nav-review]")!.TextContent.ShouldContain("(1 due)");
        var card = await CardAsync(learner.UserId, questionId);
        page.QuerySelector("input[name=cardId]")!.GetAttribute("value").ShouldBe(card.Id.ToString(CultureInfo.InvariantCulture));

        var first = await AnswerReviewAsync(learner, page, key: true);
        var again = await AnswerReviewAsync(learner, page, key: true);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Headers.Location.ShouldBe(first.Headers.Location, "a double submit lands on the same review");
        var after = await CardAsync(learner.UserId, questionId);
        after.Reps.ShouldBe(2);
        after.State.ShouldBe(CardState.Review, "Good on the last learning step graduates the card");
        (await app.QueryAsync(db => db.ReviewLogs.CountAsync(l => l.CardId == card.Id && l.Source == ReviewSource.Review))).ShouldBe(1);
        var result = await learner.Client.GetDocumentAsync(first.Headers.Location!.OriginalString);
        result.QuerySelector("[data-testid=review-result]")!.TextContent.ShouldContain("Right");
        result.Body!.TextContent.ShouldContain(ExamContent.ExplanationMarker, Case.Sensitive, "the explanation is shown once answered");
    }

    [Fact]
    public async Task ReviewSession_ShowsTheQuestionWithANewOptionOrder_EachTimeItComesBack()
    {
        var learner = await app.EnrolledLearnerAsync();
        var (questionId, shownInPractice) = await AnsweredInPracticeAsync(learner);
        var orders = new HashSet<string> { shownInPractice };
        for (var round = 0; round < 6; round++)
        {
            // Answered wrong, the card comes back after its 10-minute relearning step; each time in a new order.
            var card = await CardAsync(learner.UserId, questionId);
            app.Clock.Advance(TimeSpan.FromMinutes(11));
            var page = await learner.Client.GetDocumentAsync($"/Review?card={card.Id}");
            orders.Add(OptionOrder(page));
            (await AnswerReviewAsync(learner, page, key: false)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        orders.Count.ShouldBeGreaterThan(2, "options are re-shuffled for every review");
    }

    [Fact]
    public async Task Undo_RestoresTheCard_AndRemovesTheReview()
    {
        var learner = await app.EnrolledLearnerAsync();
        var (questionId, _) = await AnsweredInPracticeAsync(learner);
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var before = await CardAsync(learner.UserId, questionId);
        var page = await learner.Client.GetDocumentAsync("/Review");
        await AnswerReviewAsync(learner, page, key: false);

        var result = await learner.Client.GetDocumentAsync("/Review");
        var undo = await learner.Client.SubmitAsync((IHtmlFormElement)result.QuerySelector("form:has([data-testid=undo])")!, "/Review");

        undo.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var restored = await CardAsync(learner.UserId, questionId);
        (restored.Reps, restored.State, restored.Stability, restored.DueUtc).ShouldBe((before.Reps, before.State, before.Stability, before.DueUtc));
        (await app.QueryAsync(db => db.ReviewLogs.CountAsync(l => l.CardId == before.Id && l.Source == ReviewSource.Review))).ShouldBe(0);
    }

    [Fact]
    public async Task AnotherLearner_GetsNotFound_ForMyCardsAndReviews()
    {
        var owner = await app.EnrolledLearnerAsync();
        var (questionId, _) = await AnsweredInPracticeAsync(owner);
        var card = await CardAsync(owner.UserId, questionId);
        var log = await app.QueryAsync(db => db.ReviewLogs.FirstAsync(l => l.CardId == card.Id));
        var intruder = await app.EnrolledLearnerAsync();
        var token = LearningRequests.Token(await intruder.Client.GetDocumentAsync("/Review/Settings"));
        var cardId = card.Id.ToString(CultureInfo.InvariantCulture);

        (await intruder.Client.GetAsync($"/Review?card={cardId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.Client.GetAsync($"/Review?result={log.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.Client.PostAsync("/Review?handler=Answer", token, [new("cardId", cardId), new("reps", "1"), new("Choice", "0")])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.Client.PostAsync("/Review?handler=Grade", token, [new("cardId", cardId), new("reps", "1"), new("grade", "Good")])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CardAsync(owner.UserId, questionId)).Reps.ShouldBe(card.Reps);
    }

    [Fact]
    public async Task Settings_AreValidated_AndSavingReplansTheCardsInTheBackground()
    {
        var learner = await app.EnrolledLearnerAsync();
        await AnsweredInPracticeAsync(learner);
        var page = await learner.Client.GetDocumentAsync("/Review/Settings");
        var invalid = await learner.Client.SubmitFormAsync("/Review/Settings", new Dictionary<string, string> { ["Input.DesiredRetentionPercent"] = "50" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await invalid.Content.ReadAsStringAsync()).ShouldContain("Desired retention is between 70% and 97%.");

        var saved = await learner.Client.SubmitFormAsync(
            "/Review/Settings",
            new Dictionary<string, string> { ["Input.DesiredRetentionPercent"] = "85", ["Input.TimeZone"] = "Europe/Berlin", ["Input.EasyDays[0]"] = "None" });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var settings = await app.QueryAsync(db => db.StudySettings.SingleAsync(s => s.UserId == learner.UserId));
        (settings.DesiredRetention, settings.TimeZone, settings.EasyDays).ShouldBe((0.85, "Europe/Berlin", "XNNNNNN"));
        page.ShouldNotBeNull();
        var prepared = false;
        for (var i = 0; i < 100 && !prepared; i++)
        {
            prepared = await app.QueryAsync(db => db.ReviewDays.AnyAsync(d => d.UserId == learner.UserId));
            await Task.Delay(100);
        }

        prepared.ShouldBeTrue("the re-plan job ran and prepared the learner's day");
    }

    [Fact]
    public async Task Planning_IsIdempotent_ForThePrepareAndReplanJobs()
    {
        var learner = await app.EnrolledLearnerAsync();
        await AnsweredInPracticeAsync(learner, count: 4);
        await app.QueryAsync(db => db.Enrolments.Where(e => e.UserId == learner.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ExamDate, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(20))));

        await WithPlanningAsync(p => p.PrepareDaysAsync(CancellationToken.None));
        await WithPlanningAsync(p => p.PrepareDaysAsync(CancellationToken.None));
        var days = await app.QueryAsync(db => db.ReviewDays.Where(d => d.UserId == learner.UserId).ToListAsync());
        days.Count.ShouldBe(1, "the day is prepared once however often the job runs");
        ForecastView.Read(days[0].ForecastJson)!.ExamDay.ShouldNotBeNull();

        await WithPlanningAsync(p => p.ReplanAsync(learner.UserId, CancellationToken.None));
        var once = await DueDaysAsync(learner.UserId);
        await WithPlanningAsync(p => p.ReplanAsync(learner.UserId, CancellationToken.None));
        (await DueDaysAsync(learner.UserId)).ShouldBe(once, "re-planning twice changes nothing");
    }

    [Fact]
    public async Task Forecast_ShowsReviewsPerDay_AndPredictedExamDayRecall_WhenTheExamDateIsSet()
    {
        var learner = await app.EnrolledLearnerAsync();
        await AnsweredInPracticeAsync(learner, count: 3);
        await app.QueryAsync(db => db.Enrolments.Where(e => e.UserId == learner.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ExamDate, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(30))));

        var page = await learner.Client.GetDocumentAsync("/Review/Forecast");

        page.QuerySelector("[data-testid=exam-recall]")!.TextContent.ShouldContain("predicted to remember");
        page.QuerySelectorAll("[data-testid=forecast-table] tbody tr").Length.ShouldBeInRange(29, 31);
        page.QuerySelector("[data-testid=forecast-chart] title")!.TextContent.ShouldContain("Planned reviews per day");
    }

    [Fact]
    public async Task RelatedCards_AreNotPlannedOnTheSameDay_WhenTheWindowHasAnotherDay()
    {
        var learner = await app.EnrolledLearnerAsync();
        var now = app.Clock.GetUtcNow();
        var today = StudyCalendar.Utc.DayOf(now) - (now.UtcDateTime.Hour < 4 ? 1 : 0); // the default day starts at 04:00
        var ids = await app.QueryAsync(async db =>
        {
            var cards = Enumerable.Range(0, 2).Select(i => new ReviewCard
            {
                UserId = learner.UserId, Kind = CardKind.Question, ItemId = $"sibling-{i}", CredentialId = ExamContent.CredentialId, Topic = "Safety stock",
                State = CardState.Review, Stability = 40, Difficulty = 5, Reps = 4, LastReviewUtc = now.UtcDateTime.AddDays(-40), LastReviewDay = today - 40,
                ElapsedDays = 20, ScheduledDays = 40, DueUtc = now.UtcDateTime, DueDay = today, Seed = 42, CreatedUtc = now.UtcDateTime,
            }).ToList();
            db.ReviewCards.AddRange(cards);
            await db.SaveChangesAsync();
            return cards.Select(c => c.Id).ToList();
        });

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var recorder = scope.ServiceProvider.GetRequiredService<ReviewRecorder>();
            foreach (var id in ids)
            {
                (await recorder.GradeAsync(learner.UserId, id, 4, Grade.Good, CancellationToken.None)).ShouldNotBeNull();
            }
        }

        var due = await app.QueryAsync(db => db.ReviewCards.Where(c => ids.Contains(c.Id)).Select(c => c.DueDay).ToListAsync());
        due[0].ShouldNotBe(due[1], "same seed and memory would give the same day; the second card moves to another day of its window");
    }

    [Fact]
    public async Task ReviewOrder_PutsStepsFirst_ThenTheLowestRecallProbability_AndRelatedCardsLast()
    {
        var schedule = LearnerSchedule.For(new StudySettings { UserId = "u", TimeZone = "UTC", DayStartMinutes = 0 }, new Dictionary<string, DateOnly>());
        var now = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
        var today = schedule.Calendar.DayOf(now);
        PlanningCard Graduated(long id, double stability, int lastReviewDaysAgo, string? topic = null) =>
            new(id, CardState.Review, stability, 5, 0, 3, 0, today - lastReviewDaysAgo, 1, lastReviewDaysAgo, today, null, topic);
        var cards = new[]
        {
            Graduated(1, stability: 30, lastReviewDaysAgo: 30),
            Graduated(2, stability: 5, lastReviewDaysAgo: 20),
            new PlanningCard(3, CardState.Relearning, 1, 7, 0, 5, 1, today, 0, 0, today, now.UtcDateTime.AddMinutes(-1), null),
            Graduated(4, stability: 2, lastReviewDaysAgo: 30, topic: "seen"),
            Graduated(5, stability: 10, lastReviewDaysAgo: 14),
            new PlanningCard(6, CardState.Learning, 1, 7, 1, 1, 0, today, 0, 0, today, now.UtcDateTime.AddMinutes(5), null),
        };

        var order = ReviewOrder.Due(schedule, cards, now, new HashSet<string> { "seen" }).Select(c => c.Id);

        order.ShouldBe([3L, 2, 5, 1, 4], "the step due now first; card 6's step is not due yet; card 4 is related to one seen today");
    }

    private async Task<(string QuestionId, string OptionOrder)> AnsweredInPracticeAsync(Learner learner, int count = 1)
    {
        var quiz = await learner.QuickQuizAsync();
        var q = await app.SingleChoicePositionAsync(quiz);
        var order = OptionOrder(await learner.Client.GetDocumentAsync($"/Practice/{quiz}?q={q}"));
        await learner.AnswerPracticeAsync(quiz, q, key: true, confidence: "Sure");
        foreach (var other in (await ItemsAsync(quiz)).Where(p => p != q).Take(count - 1))
        {
            await learner.AnswerPracticeAsync(quiz, other, key: true);
        }

        return (await QuestionAtAsync(quiz, q), order);
    }

    private static string OptionOrder(IHtmlDocument page) =>
        string.Join("|", page.QuerySelectorAll("input[name=Choice]").Select(i => page.QuerySelector($"label[for='{i.Id}']")!.TextContent.Trim()));

    private static async Task<HttpResponseMessage> AnswerReviewAsync(Learner learner, IHtmlDocument page, bool key)
    {
        var form = page.QuerySelector("#answer-form")!;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("cardId", form.QuerySelector("input[name=cardId]")!.GetAttribute("value")!),
            new("reps", form.QuerySelector("input[name=reps]")!.GetAttribute("value")!),
            new("shown", form.QuerySelector("input[name=shown]")!.GetAttribute("value")!),
            new("confidence", "Sure"),
        };
        fields.AddRange(LearningRequests.AnswerFields(page, key));
        return await learner.Client.PostAsync("/Review?handler=Answer", LearningRequests.Token(page), fields);
    }

    private Task<ReviewCard> CardAsync(string userId, string questionId) =>
        app.QueryAsync(db => db.ReviewCards.AsNoTracking().SingleAsync(c => c.UserId == userId && c.ItemId == questionId && c.Kind == CardKind.Question));

    private Task<string> QuestionAtAsync(long quiz, int position) =>
        app.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == quiz && i.Position == position).Select(i => i.QuestionId).SingleAsync());

    /// <summary>Positions of the quiz's single-answer questions (ids like <c>mock-planning-001</c>; other types have suffixes).</summary>
    private async Task<List<int>> ItemsAsync(long quiz)
    {
        var items = await app.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == quiz).Select(i => new { i.Position, i.QuestionId }).ToListAsync());
        return [.. items.Where(i => System.Text.RegularExpressions.Regex.IsMatch(i.QuestionId, "^[a-z]+-[a-z]+-[0-9]{3}$")).Select(i => i.Position)];
    }

    private Task<List<(long, int)>> DueDaysAsync(string userId) =>
        app.QueryAsync(async db => (await db.ReviewCards.Where(c => c.UserId == userId).OrderBy(c => c.Id).Select(c => new { c.Id, c.DueDay }).ToListAsync()).Select(c => (c.Id, c.DueDay)).ToList());

    private async Task WithPlanningAsync(Func<ReviewPlanning, Task> work)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<ReviewPlanning>());
    }
}

[Collection(SqliteLearningCollection.Name)]
public sealed class SqliteReviewFlowTests(SqliteLearningFixture app) : ReviewFlowTests(app);

[Collection(PostgresLearningCollection.Name)]
public sealed class PostgresReviewFlowTests(PostgresLearningFixture app) : ReviewFlowTests(app);

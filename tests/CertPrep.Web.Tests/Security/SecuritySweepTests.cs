using System.Net;
using AngleSharp.Html.Dom;
using CertPrep.Tests.Shared;
using CertPrep.Web.Accounts;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Security;

/// <summary>
/// Sweeps over the whole site rather than one page: every author and admin page refuses learners, every form post
/// without a valid antiforgery token is refused, stored text never becomes script, and a learner cannot act on another
/// learner's review cards. Pages are enumerated from the running site, so a new page is covered without a new test.
/// </summary>
public abstract class SecuritySweepTests(LearningFixture app)
{
    private static readonly string[] Payloads =
    [
        "<script>alert('xss-1')</script>",
        "<img src=x onerror=alert('xss-2')>",
        "\"><svg onload=alert('xss-3')>",
        "<a href=\"javascript:alert('xss-4')\">click</a>",
        "</textarea><script>alert('xss-5')</script>",
        "<iframe srcdoc=\"<script>alert('xss-6')</script>\"></iframe>",
    ];

    [Fact]
    public async Task EveryAuthorAndAdminPage_RefusesALearner_ForReadingAndPosting()
    {
        var learner = await app.EnrolledLearnerAsync();
        var token = LearningRequests.Token(await learner.Client.GetDocumentAsync("/Dashboard"));
        var pages = PageRoutes().Where(r => r.StartsWith("/Author", StringComparison.Ordinal) || r.StartsWith("/Admin", StringComparison.Ordinal)).ToList();
        pages.Count.ShouldBeGreaterThanOrEqualTo(9, "the sweep must find the author and admin pages");

        foreach (var page in pages)
        {
            (await learner.Client.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"GET {page}");
            (await learner.Client.PostAsync(page, token, [])).StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"POST {page}");
            (await app.NewClient().GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.Redirect, $"GET {page} signed out");
        }
    }

    [Fact]
    public async Task EveryFormPost_WithoutAValidAntiforgeryToken_IsRefused()
    {
        var email = Infrastructure.Accounts.NewEmail("admin");
        await app.Factory.CreateUserAsync(email, Infrastructure.Accounts.Password, Roles.Admin);
        var admin = app.NewClient();
        (await admin.SignInAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // The error and status pages re-execute whatever request failed, posts included: they have no form and change nothing.
        var pages = PageRoutes().Where(r => !r.StartsWith("/Status", StringComparison.Ordinal) && r != "/Error").ToList();
        pages.Count.ShouldBeGreaterThan(30);

        foreach (var page in pages)
        {
            using var none = new HttpRequestMessage(HttpMethod.Post, page) { Content = new FormUrlEncodedContent([]) };
            (await admin.SendAsync(none)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"POST {page} without a token");
            (await admin.PostAsync(page, "CfDJ8-forged-token", [])).StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"POST {page} with a forged token");
        }
    }

    [Fact]
    public async Task StoredText_NeverBecomesScript_InNotesProblemReportsOrNames()
    {
        var learner = await app.EnrolledLearnerAsync();
        var quiz = await learner.QuickQuizAsync();
        var payload = string.Join(" ", Payloads);
        var page = await learner.Client.GetDocumentAsync($"/Practice/{quiz}?q=1");
        (await learner.Client.PostAsync($"/Practice/{quiz}?handler=Mark", LearningRequests.Token(page), [new("position", "1"), new("note", payload)])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await learner.Client.PostAsync($"/Practice/{quiz}?handler=Report", LearningRequests.Token(page), [new("position", "1"), new("text", payload)])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var named = app.NewClient();
        var nameEmail = Infrastructure.Accounts.NewEmail();
        (await named.SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = nameEmail,
            ["Input.DisplayName"] = Payloads[1],
            ["Input.Password"] = Infrastructure.Accounts.Password,
            ["Input.ConfirmPassword"] = Infrastructure.Accounts.Password,
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var authorEmail = Infrastructure.Accounts.NewEmail("author");
        await app.Factory.CreateUserAsync(authorEmail, Infrastructure.Accounts.Password, Roles.Author);
        var author = app.NewClient();
        await author.SignInAsync(authorEmail);

        ShouldBeInert(await learner.Client.GetDocumentAsync($"/Practice/{quiz}?q=1"), "the quiz page with the note");
        ShouldBeInert(await author.GetDocumentAsync("/Author/Reports"), "the author's report queue");
        ShouldBeInert(await named.GetDocumentAsync("/Dashboard"), "the dashboard greeting the display name");
        (await learner.Client.GetDocumentAsync($"/Practice/{quiz}?q=1")).QuerySelector("textarea#note")!.TextContent.ShouldBe(payload, "kept as the learner wrote it, shown as text");
    }

    [Fact]
    public async Task AnotherLearner_CannotAnswerOrGradeMyReviewCards()
    {
        var owner = await app.EnrolledLearnerAsync();
        var quiz = await owner.QuickQuizAsync();
        await owner.AnswerPracticeAsync(quiz, 1, key: true);
        var card = await app.QueryAsync(db => db.ReviewCards.AsNoTracking().FirstAsync(c => c.UserId == owner.UserId));
        var intruder = await app.EnrolledLearnerAsync();
        var token = LearningRequests.Token(await intruder.Client.GetDocumentAsync("/Review"));

        var answer = await intruder.Client.PostAsync("/Review?handler=Answer", token, [new("cardId", card.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("reps", card.Reps.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("choice", "0"), new("shown", "0")]);
        var grade = await intruder.Client.PostAsync("/Review?handler=Grade", token, [new("cardId", card.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("reps", card.Reps.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("grade", "Easy")]);

        answer.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
        grade.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
        var after = await app.QueryAsync(db => db.ReviewCards.AsNoTracking().SingleAsync(c => c.Id == card.Id));
        (after.Reps, after.DueUtc, after.Stability).ShouldBe((card.Reps, card.DueUtc, card.Stability), "the owner's card is untouched");
        (await app.QueryAsync(db => db.ReviewLogs.CountAsync(l => l.CardId == card.Id && l.UserId == intruder.UserId))).ShouldBe(0);
    }

    [Fact]
    public async Task AnswerKeys_NeverReachALearner_OnAnyPage_BeforeTheyAnswer()
    {
        // A learner in the middle of everything: a practice quiz, an adaptive session and a mock exam, none answered.
        var learner = await app.EnrolledLearnerAsync();
        var quiz = await learner.QuickQuizAsync();
        var adaptive = LearningRequests.QuizId(await learner.Client.SubmitFormAsync($"/Practice?credential={ExamContent.CredentialId}", new Dictionary<string, string>(), "form[data-testid=adaptive-form]"));
        var exam = await learner.Client.StartExamAsync("Quarter");
        var module = await app.QueryAsync(db => db.Modules.Select(m => m.Id).FirstAsync());
        var examItems = await app.QueryAsync(db => db.AttemptItems.CountAsync(i => i.AttemptId == exam));

        var addresses = PageRoutes(id => id.Route switch
            {
                var r when r.StartsWith("/Practice", StringComparison.Ordinal) => $"{quiz}",
                var r when r.StartsWith("/Exams", StringComparison.Ordinal) => $"{exam}",
                var r when r.StartsWith("/Modules", StringComparison.Ordinal) => module,
                _ when id.Parameter is "credential" or "id" => ExamContent.CredentialId,
                _ => "1",
            })
            .Where(a => !a.StartsWith("/Author", StringComparison.Ordinal) && !a.StartsWith("/Admin", StringComparison.Ordinal))
            .Concat(Enumerable.Range(1, 10).Select(q => $"/Practice/{quiz}?q={q}"))
            .Concat(Enumerable.Range(1, 3).Select(q => $"/Practice/{adaptive}?q={q}"))
            .Concat(Enumerable.Range(1, examItems).Select(q => $"/Exams/{exam}/Take?q={q}"))
            .ToList();
        addresses.ShouldContain($"/Exams/{exam}/Review");

        var seen = 0;
        foreach (var address in addresses)
        {
            using var response = await learner.Client.GetAsync(address);
            var body = await response.Content.ReadAsStringAsync();
            body.ShouldNotContain(ExamContent.SecretMarker, Case.Sensitive, $"{address} shows a rationale before the answer");
            body.ShouldNotContain(ExamContent.ExplanationMarker, Case.Sensitive, $"{address} shows an explanation before the answer");
            seen += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        seen.ShouldBeGreaterThan(examItems + 13, "the learner's pages were really shown");
        await learner.AnswerPracticeAsync(quiz, 1, key: false);
        (await learner.Client.GetStringAsync($"/Practice/{quiz}?q=1")).ShouldContain(ExamContent.SecretMarker, Case.Sensitive, "the check would see a rationale: it shows once answered");
    }

    /// <summary>No script but the site's own files, no event-handler attributes, no javascript: addresses, no frames.</summary>
    private static void ShouldBeInert(IHtmlDocument page, string what)
    {
        page.QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src") && s.GetAttribute("src")!.StartsWith('/'), what);
        page.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(a => a.Name).ShouldBeEmpty(what);
        page.All.SelectMany(e => e.Attributes).Where(a => a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty(what);
        page.QuerySelectorAll("iframe, svg[onload], img[onerror]").ShouldBeEmpty(what);
        page.Body!.TextContent.ShouldContain("xss-", customMessage: $"{what}: the text is shown, as text");
    }

    /// <summary>The site's Razor pages as addresses, route parameters filled with a plausible value.</summary>
    private IReadOnlyList<string> PageRoutes() => PageRoutes(_ => "1");

    /// <summary>The site's Razor pages as addresses, each required route parameter filled by <paramref name="value"/>.</summary>
    private IReadOnlyList<string> PageRoutes(Func<(string Route, string Parameter), string> value)
    {
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return [.. endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + string.Join("/", e.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { IsOptional: true } => "",
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => value(("/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), parameter.Name)),
                _ => "",
            })))).TrimEnd('/'))
            .Select(r => r.Length == 0 ? "/" : r)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }
}

[Collection(SqliteLearningCollection.Name)]
public sealed class SqliteSecuritySweepTests(SqliteLearningFixture app) : SecuritySweepTests(app);

[Collection(PostgresLearningCollection.Name)]
public sealed class PostgresSecuritySweepTests(PostgresLearningFixture app) : SecuritySweepTests(app);

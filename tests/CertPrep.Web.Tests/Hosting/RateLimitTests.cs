using System.Net;
using CertPrep.Tests.Shared;
using CertPrep.Web.Accounts;
using CertPrep.Web.Data;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Hosting;

/// <summary>Brute force and scripts: Identity's lockout per account plus the rate limiter per address and per learner.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create(DatabaseProvider.Sqlite);
    private CertPrepFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new CertPrepFactory(_database, new Dictionary<string, string?>
        {
            ["RateLimits:SignInPerMinute"] = "7",
            ["RateLimits:AnswersPerMinute"] = "3",
        });
        ExamContent.WriteTo(_factory.ContentDirectory);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task SignIn_LocksTheAccountAfterFiveFailures_AndRefusesTheAddressAfterItsLimit()
    {
        var email = Infrastructure.Accounts.NewEmail();
        await _factory.CreateUserAsync(email, Infrastructure.Accounts.Password);
        var client = NewClient();

        for (var attempt = 1; attempt < AccountsSetup.MaxFailedSignIns; attempt++)
        {
            (await client.SignInAsync(email, "wrong password here")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await client.SignInAsync(email, "wrong password here")).Headers.Location!.ToString().ShouldBe("/Account/Lockout", "Identity locks the account after five failures");
        (await client.SignInAsync(email)).Headers.Location!.ToString().ShouldBe("/Account/Lockout", "even the right password while locked");
        (await client.SignInAsync(Infrastructure.Accounts.NewEmail(), "another guess")).StatusCode.ShouldBe(HttpStatusCode.OK, "the seventh post from this address is still answered");

        using var refused = await client.SignInAsync(Infrastructure.Accounts.NewEmail(), "another guess");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the limiter stops guessing across accounts from one address");
        int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        (await HtmlForms.ParseAsync(refused)).QuerySelector("h1")!.TextContent.ShouldBe("Too many requests");
        (await client.SubmitFormAsync("/Account/Register", new Dictionary<string, string> { ["Input.Email"] = Infrastructure.Accounts.NewEmail() }))
            .StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "registration shares the address's limit");
        (await client.GetAsync("/Account/Login")).StatusCode.ShouldBe(HttpStatusCode.OK, "reading the page is not limited");
    }

    [Fact]
    public async Task Answers_AreLimitedPerLearner_AndARefusedAnswerIsNotRecorded()
    {
        var email = Infrastructure.Accounts.NewEmail();
        var user = await _factory.CreateUserAsync(email, Infrastructure.Accounts.Password);
        var client = NewClient();
        (await client.SignInAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.SubmitFormAsync("/Enrolments", new Dictionary<string, string> { ["Input.CredentialId"] = ExamContent.CredentialId }, $"form:has(input[value='{ExamContent.CredentialId}'])")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var learner = new Learner(client, email, user.Id);
        var quiz = await learner.QuickQuizAsync();
        for (var position = 1; position <= 3; position++)
        {
            await learner.AnswerPracticeAsync(quiz, position, key: true);
        }

        var page = await client.GetDocumentAsync($"/Practice/{quiz}?q=4");
        using var refused = await client.PostAsync($"/Practice/{quiz}?handler=Answer", LearningRequests.Token(page), [new("position", "4"), .. LearningRequests.AnswerFields(page, key: true)]);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertPrepDbContext>();
        (await db.AttemptItems.CountAsync(i => i.AttemptId == quiz && i.AnsweredUtc != null)).ShouldBe(3);
        var other = await OtherLearnerAnswersAsync();
        other.ShouldBe(HttpStatusCode.Redirect, "the limit is per learner, not for everyone");
    }

    private async Task<HttpStatusCode> OtherLearnerAnswersAsync()
    {
        var email = Infrastructure.Accounts.NewEmail();
        var user = await _factory.CreateUserAsync(email, Infrastructure.Accounts.Password);
        var client = NewClient();
        await client.SignInAsync(email);
        await client.SubmitFormAsync("/Enrolments", new Dictionary<string, string> { ["Input.CredentialId"] = ExamContent.CredentialId }, $"form:has(input[value='{ExamContent.CredentialId}'])");
        var learner = new Learner(client, email, user.Id);
        var quiz = await learner.QuickQuizAsync();
        var page = await client.GetDocumentAsync($"/Practice/{quiz}?q=1");
        using var response = await client.PostAsync($"/Practice/{quiz}?handler=Answer", LearningRequests.Token(page), [new("position", "1"), .. LearningRequests.AnswerFields(page, key: true)]);
        return response.StatusCode;
    }

    private HttpClient NewClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}

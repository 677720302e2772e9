using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using CertPrep.Tests.Shared;
using CertPrep.Web.Data;
using CertPrep.Web.Jobs;
using CertPrep.Web.Tests.Infrastructure;
using CertPrep.Web.Tests.Jobs;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Data;

/// <summary>
/// PostgreSQL out of reach for 30 seconds (every connection reset, new ones refused, by a proxy in front of the real
/// server): pages say "temporarily unavailable" with 503 and Retry-After, /health is Unhealthy, no save is reported
/// as saved, nothing saved before is lost, and the site (pages and jobs) comes back by itself once the server does.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly ProxiedPostgresDatabase _database = new();
    private CertPrepFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new CertPrepFactory(_database, services: s =>
        {
            s.AddSingleton<JobSink>();
            s.AddBackgroundJob<RecordingJob>(RecordingJob.Name, "Test job that records its runs");
        });
        ExamContent.WriteTo(_app.ContentDirectory);
        _ = _app.Services; // migrations, roles, content import and the scheduler, all through the proxy
        return System.Threading.Tasks.Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _database.Proxy.Restore(); // the host stops cleanly even when an assertion failed mid-outage
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Site_Answers503AndRecoversWithoutRestart_WhenPostgreSqlIsUnreachableFor30Seconds()
    {
        var client = await EnrolledLearnerAsync();
        var id = await client.StartExamAsync("Full");
        var (first, second) = await TwoSingleChoicePositionsAsync(id);
        var firstPage = await client.GetDocumentAsync(TakeUrl(id, first));
        var secondPage = await client.GetDocumentAsync(TakeUrl(id, second));
        var firstChoice = Choices(firstPage)[1].Value;
        var secondChoice = Choices(secondPage)[2].Value;
        using (var saved = await SaveAsync(client, id, first, firstPage, firstChoice, json: true))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await saved.JsonAsync()).GetProperty("saved").GetBoolean().ShouldBeTrue();
        }

        _database.Proxy.Cut();
        var outage = Stopwatch.StartNew();
        var rounds = 0;
        do
        {
            rounds++;
            using (var health = await client.GetAsync("/health"))
            {
                health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
                (await health.Content.ReadAsStringAsync()).ShouldContain("\"status\":\"Unhealthy\"");
            }

            using (var page = await client.GetAsync(TakeUrl(id, first)))
            {
                await ShouldBeUnavailablePageAsync(page);
            }

            using (var autosave = await SaveAsync(client, id, second, secondPage, secondChoice, json: true))
            {
                autosave.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
                autosave.Headers.RetryAfter.ShouldNotBeNull();
                var json = await autosave.JsonAsync();
                json.GetProperty("saved").GetBoolean().ShouldBeFalse();
                json.GetProperty("unavailable").GetBoolean().ShouldBeTrue();
                json.GetProperty("message").GetString()!.ShouldContain("try again");
            }

            using (var formPost = await SaveAsync(client, id, second, secondPage, secondChoice, json: false))
            {
                await ShouldBeUnavailablePageAsync(formPost);
            }

            await System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(2));
        }
        while (outage.Elapsed < Outage || rounds < 3);

        _database.Proxy.Refused.ShouldBeGreaterThan(0);
        (await RevisionsAsync(id, first, second)).ShouldBe([1, 0], "no save during the outage may land");

        _database.Proxy.Restore();

        await WaitForAsync(async () =>
        {
            using var health = await client.GetAsync("/health");
            return health.StatusCode == HttpStatusCode.OK;
        });
        var afterwards = await client.GetDocumentAsync(TakeUrl(id, first));
        Choices(afterwards).Where(c => c.IsChecked).Select(c => c.Value).ShouldBe([firstChoice]);
        using (var retried = await SaveAsync(client, id, second, secondPage, secondChoice, json: true))
        {
            retried.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await retried.JsonAsync()).GetProperty("saved").GetBoolean().ShouldBeTrue();
        }

        (await RevisionsAsync(id, first, second)).ShouldBe([1, 1]);
        Choices(await client.GetDocumentAsync(TakeUrl(id, second))).Where(c => c.IsChecked).Select(c => c.Value).ShouldBe([secondChoice]);

        // The job scheduler, which shares the database, picks work up again too.
        var marker = Guid.NewGuid().ToString("N");
        await _app.Services.GetRequiredService<IBackgroundJobs>().EnqueueAsync<RecordingJob>(new Dictionary<string, string> { ["marker"] = marker });
        await WaitForAsync(() => System.Threading.Tasks.Task.FromResult(
            _app.Services.GetRequiredService<JobSink>().Runs.Any(r => r.Arguments.GetValueOrDefault("marker") == marker)));
    }

    private static async System.Threading.Tasks.Task ShouldBeUnavailablePageAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("Temporarily unavailable");
        body.ShouldNotContain("Something went wrong");
        body.ShouldNotContain("Exception");
        body.ShouldNotContain("Npgsql");
        body.ShouldNotContain("at CertPrep");
    }

    private static string TakeUrl(long id, int position) => $"/Exams/{id}/Take?q={position.ToString(CultureInfo.InvariantCulture)}";

    private static List<IHtmlInputElement> Choices(IHtmlDocument page) => [.. page.QuerySelectorAll("input[name=Choice]").Cast<IHtmlInputElement>()];

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, long id, int position, IHtmlDocument page, string choice, bool json) =>
        client.PostAsync(
            $"/Exams/{id}/Take?handler=Save",
            LearningRequests.Token(page),
            [new("Position", position.ToString(CultureInfo.InvariantCulture)), new("Choice", choice)],
            json);

    private async Task<HttpClient> EnrolledLearnerAsync()
    {
        var email = Infrastructure.Accounts.NewEmail();
        await _app.CreateUserAsync(email, Infrastructure.Accounts.Password);
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.SignInAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var enrol = await client.SubmitFormAsync(
            "/Enrolments",
            new Dictionary<string, string> { ["Input.CredentialId"] = ExamContent.CredentialId },
            $"form:has(input[value='{ExamContent.CredentialId}'])");
        enrol.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>Read straight from the server, not through the proxy.</summary>
    private async Task<T> DirectAsync<T>(Func<CertPrepDbContext, Task<T>> query)
    {
        var options = new DbContextOptionsBuilder<CertPrepDbContext>();
        DatabaseSetup.Configure(options, new DatabaseSettings(DatabaseProvider.PostgreSql, _database.DirectConnectionString));
        await using var db = new CertPrepDbContext(options.Options);
        return await query(db);
    }

    private async Task<(int First, int Second)> TwoSingleChoicePositionsAsync(long id)
    {
        var positions = await DirectAsync(async db => (await db.AttemptItems.Where(i => i.AttemptId == id).OrderBy(i => i.Position).ToListAsync())
            .Where(i => System.Text.RegularExpressions.Regex.IsMatch(i.QuestionId, @"^[a-z]+-[a-z]+-\d{3}$")).Select(i => i.Position).Take(2).ToList());
        return (positions[0], positions[1]);
    }

    /// <summary>How often each item was saved (0: never).</summary>
    private Task<List<int>> RevisionsAsync(long id, params int[] positions) =>
        DirectAsync(async db => (await db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == id && positions.Contains(i.Position)).ToListAsync())
            .OrderBy(i => Array.IndexOf(positions, i.Position)).Select(i => i.Revision).ToList());

    private static async System.Threading.Tasks.Task WaitForAsync(Func<Task<bool>> probe)
    {
        var deadline = Stopwatch.StartNew();
        while (!await probe())
        {
            if (deadline.Elapsed > Patience)
            {
                throw new TimeoutException($"The site did not recover within {Patience.TotalSeconds} s of the database coming back.");
            }

            await System.Threading.Tasks.Task.Delay(500);
        }
    }
}

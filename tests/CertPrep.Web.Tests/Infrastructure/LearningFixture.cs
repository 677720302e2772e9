using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using CertPrep.Tests.Shared;
using CertPrep.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Infrastructure;

/// <summary>
/// A running site with the generated exam content (<see cref="ExamContent"/>) imported, on one real database,
/// with a clock tests can move forward.
/// </summary>
public abstract class LearningFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private CertPrepFactory? _factory;

    public TestClock Clock { get; } = new();

    public CertPrepFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

    public DatabaseProvider Provider => provider;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Fixture not initialised.");

    public async Task InitializeAsync()
    {
        _database = TestDatabase.Create(provider);
        _factory = NewFactory(_database);
        ExamContent.WriteTo(_factory.ContentDirectory);
        using var warmUp = _factory.CreateClient(); // migrations, roles, scheduler and the content import
        var problems = await QueryAsync(db => db.ContentProblems.Select(p => $"{p.Path}:{p.Line}:{p.Column}: {p.Code} {p.Message}").ToListAsync());
        problems.ShouldBeEmpty("the generated exam content must import cleanly");
    }

    /// <summary>Another site process on the same database and content: "the server restarted".</summary>
    public CertPrepFactory Restarted()
    {
        var factory = NewFactory(Database);
        ExamContent.WriteTo(factory.ContentDirectory);
        return factory;
    }

    public HttpClient NewClient(CertPrepFactory? factory = null) =>
        (factory ?? Factory).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A new learner, signed in and enrolled in the generated credential.</summary>
    public async Task<Learner> EnrolledLearnerAsync(string? formId = null, string credentialId = ExamContent.CredentialId)
    {
        var email = Accounts.NewEmail();
        var user = await Factory.CreateUserAsync(email, Accounts.Password);
        var client = NewClient();
        (await client.SignInAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var values = new Dictionary<string, string> { ["Input.CredentialId"] = credentialId };
        if (formId is not null)
        {
            values["Input.FormId"] = formId;
        }

        var enrol = await client.SubmitFormAsync("/Enrolments", values, $"form:has(input[value='{credentialId}'])");
        enrol.StatusCode.ShouldBe(HttpStatusCode.Redirect, await enrol.Content.ReadAsStringAsync());
        return new Learner(client, email, user.Id);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private CertPrepFactory NewFactory(TestDatabase database) =>
        new(database, services: s => s.AddSingleton<TimeProvider>(Clock));

    /// <summary>The first position of an attempt holding a single-answer question (pools mix in other types).</summary>
    public Task<int> SingleChoicePositionAsync(long attemptId) =>
        QueryAsync(async db => (await db.AttemptItems.Where(i => i.AttemptId == attemptId).OrderBy(i => i.Position).ToListAsync())
            .First(i => System.Text.RegularExpressions.Regex.IsMatch(i.QuestionId, @"^[a-z]+-[a-z]+-\d{3}$")).Position);

    /// <summary>Runs a query against the site's database.</summary>
    public async Task<T> QueryAsync<T>(Func<CertPrepDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CertPrepDbContext>());
    }
}

public sealed class SqliteLearningFixture() : LearningFixture(DatabaseProvider.Sqlite);

public sealed class PostgresLearningFixture() : LearningFixture(DatabaseProvider.PostgreSql);

[CollectionDefinition(Name)]
public sealed class SqliteLearningCollection : ICollectionFixture<SqliteLearningFixture>
{
    public const string Name = "SQLite learning";
}

[CollectionDefinition(Name)]
public sealed class PostgresLearningCollection : ICollectionFixture<PostgresLearningFixture>
{
    public const string Name = "PostgreSQL learning";
}

/// <summary>A signed-in learner's browser-like client.</summary>
public sealed record Learner(HttpClient Client, string Email, string UserId);

/// <summary>Posts forms the way the exam page's script does, and reads its JSON answers.</summary>
public static class LearningRequests
{
    public static string Token(IHtmlDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException("No antiforgery token on the page.");

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, string token, IEnumerable<KeyValuePair<string, string>> fields, bool json = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]),
        };
        if (json)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>Starts a mock exam of the given length and returns its id.</summary>
    public static async Task<long> StartExamAsync(this HttpClient client, string length = "Full", string credentialId = ExamContent.CredentialId)
    {
        var response = await client.SubmitFormAsync(
            $"/Exams?credential={credentialId}",
            new Dictionary<string, string> { ["Input.CredentialId"] = credentialId, ["Input.Length"] = length },
            "form[data-testid=start-exam]");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body).QuerySelector("main")?.TextContent);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldMatch(@"^/Exams/\d+/Take$");
        return long.Parse(location.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
    }
}

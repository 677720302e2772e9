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

    /// <summary>Registers a new learner through the site's own form and enrols them in the generated credential.</summary>
    public static async Task<Learner> RegisterAndEnrolAsync(this HttpClient client)
    {
        var email = Accounts.NewEmail();
        var registered = await client.SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Accounts.Password,
            ["Input.ConfirmPassword"] = Accounts.Password,
        });
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await registered.Content.ReadAsStringAsync());
        var enrol = await client.SubmitFormAsync("/Enrolments", new Dictionary<string, string> { ["Input.CredentialId"] = ExamContent.CredentialId }, $"form:has(input[value='{ExamContent.CredentialId}'])");
        enrol.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return new Learner(client, email, "");
    }

    /// <summary>
    /// Saves an answer the way the exam page's autosave does, checks the site said it was saved, and returns the
    /// answer as the page shows it when it comes back (see <see cref="ShownAnswer"/>).
    /// </summary>
    public static async Task<string> SaveExamAnswerAsync(this HttpClient client, long exam, int position, bool key)
    {
        var page = await client.GetDocumentAsync($"/Exams/{exam}/Take?q={position}");
        var answer = AnswerFields(page, key).ToList();
        var saved = await client.PostAsync($"/Exams/{exam}/Take?handler=Save", Token(page), [new("Position", position.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. answer], json: true);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.JsonAsync()).GetProperty("saved").GetBoolean().ShouldBeTrue();
        return string.Join(",", answer.Select(a => a.Value).Order(StringComparer.Ordinal));
    }

    /// <summary>The answer an exam or quiz page shows as given: checked choices, or the number typed.</summary>
    public static string ShownAnswer(IHtmlDocument page) =>
        page.QuerySelector("input[name=Numeric]") is IHtmlInputElement numeric
            ? numeric.Value
            : string.Join(",", page.QuerySelectorAll("input[name=Choice]").Cast<IHtmlInputElement>().Where(i => i.IsChecked).Select(i => i.Value).Order(StringComparer.Ordinal));

    /// <summary>Starts a Quick 10 practice quiz and returns its id.</summary>
    public static async Task<long> QuickQuizAsync(this Learner learner, string credentialId = ExamContent.CredentialId)
    {
        var response = await learner.Client.SubmitFormAsync($"/Practice?credential={credentialId}", new Dictionary<string, string>(), "form:has([data-testid=quick-10])");
        return QuizId(response);
    }

    public static long QuizId(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldMatch(@"^/Practice/\d+$");
        return long.Parse(location.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Answers a practice item with the key (options whose label says "Key", or 1234.5) or a wrong answer.</summary>
    public static async Task AnswerPracticeAsync(this Learner learner, long quiz, int position, bool key, string? confidence = null)
    {
        var page = await learner.Client.GetDocumentAsync($"/Practice/{quiz}?q={position}");
        var fields = new List<KeyValuePair<string, string>> { new("position", position.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (confidence is not null)
        {
            fields.Add(new("confidence", confidence));
        }

        fields.AddRange(AnswerFields(page, key));
        var response = await learner.Client.PostAsync($"/Practice/{quiz}?handler=Answer", Token(page), fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The form fields answering the question on a page with its key or with a wrong answer.</summary>
    public static IEnumerable<KeyValuePair<string, string>> AnswerFields(IHtmlDocument page, bool key)
    {
        if (page.QuerySelector("input[name=Numeric]") is not null)
        {
            return [new("Numeric", key ? "1234.5" : "1")];
        }

        var inputs = page.QuerySelectorAll("input[name=Choice]").Cast<AngleSharp.Html.Dom.IHtmlInputElement>().ToList();
        var picked = inputs.Where(i => page.QuerySelector($"label[for='{i.Id}']")!.TextContent.Contains("Key", StringComparison.Ordinal) == key).ToList();
        return (key ? picked : picked.Take(1)).Select(i => new KeyValuePair<string, string>("Choice", i.Value));
    }

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

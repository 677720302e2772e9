using System.Globalization;
using CertPrep.Tests.Shared;
using CertPrep.Web.Data;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CertPrep.Web.Tests.Exams;

/// <summary>
/// The site process is killed outright (SIGKILL: no shutdown, nothing flushed) in the middle of a learner's mock exam
/// and started again on the same database: every answer the site said it saved is there, and the clock has kept
/// running from the same deadline.
/// </summary>
public sealed class ExamCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("certprep-crash-").FullName;
    private TestDatabase? _database;
    private AppNode? _node;

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task KilledServer_ResumesTheExamWithEveryAnswerAndTheRightTimeLeft_WhenStartedAgain(DatabaseProvider provider)
    {
        _database = TestDatabase.Create(provider);
        var environment = Environment(provider);
        _node = await AppNode.StartAsync(_work, environment);
        var cookies = new System.Net.CookieContainer();
        var client = _node.NewClient(cookies);
        await client.RegisterAndEnrolAsync();
        var exam = await client.StartExamAsync("Quarter");
        var saved = new Dictionary<int, string>();
        for (var position = 1; position <= 6; position++)
        {
            saved[position] = await client.SaveExamAnswerAsync(exam, position, key: position % 3 != 0);
        }

        var before = Remaining(await client.GetDocumentAsync($"/Exams/{exam}/Take?q=1"));
        var deadline = await DeadlineAsync(exam);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _node.Kill(); // right after the last "saved": nothing gets a chance to flush
        output.WriteLine(_node.Output);

        _node = await AppNode.StartAsync(_work, environment);
        client = _node.NewClient(cookies); // the same browser: its sign-in cookie is still good
        var pages = new Dictionary<int, string>();
        for (var position = 1; position <= 6; position++)
        {
            pages[position] = LearningRequests.ShownAnswer(await client.GetDocumentAsync($"/Exams/{exam}/Take?q={position}"));
        }

        var after = Remaining(await client.GetDocumentAsync($"/Exams/{exam}/Take?q=7"));
        var elapsed = clock.Elapsed.TotalSeconds;

        pages.ShouldBe(saved, "every answer the site said it saved");
        (await DeadlineAsync(exam)).ShouldBe(deadline, "the restart does not move the deadline");
        after.ShouldBeLessThanOrEqualTo(before, "the clock kept running while the server was down");
        after.ShouldBeGreaterThanOrEqualTo(before - (int)Math.Ceiling(elapsed) - 2, "and was not charged more than the time that passed");
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(_work, recursive: true);
    }

    private Dictionary<string, string> Environment(DatabaseProvider provider)
    {
        ExamContent.WriteTo(Directory.CreateDirectory(Path.Combine(_work, "content")).FullName);
        return new Dictionary<string, string>
        {
            ["Content__Path"] = Path.Combine(_work, "content"),
            ["RateLimits__SignInPerMinute"] = "0",
            ["RateLimits__AnswersPerMinute"] = "0",
            ["Database__Provider"] = provider == DatabaseProvider.PostgreSql ? "PostgreSql" : "Sqlite",
            ["ConnectionStrings__CertPrep"] = _database!.ConnectionString,
        };
    }

    private static int Remaining(AngleSharp.Html.Dom.IHtmlDocument page) =>
        int.Parse(page.QuerySelector("[data-timer]")!.GetAttribute("data-remaining")!, CultureInfo.InvariantCulture);

    private async Task<DateTime> DeadlineAsync(long exam)
    {
        await using var db = _database!.NewContext();
        return await db.Attempts.Where(a => a.Id == exam).Select(a => a.DeadlineUtc!.Value).SingleAsync();
    }
}

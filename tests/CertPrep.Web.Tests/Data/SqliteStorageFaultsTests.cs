using System.Data.Common;
using System.Globalization;
using System.Net;
using CertPrep.Tests.Shared;
using CertPrep.Web.Data;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Data;

/// <summary>
/// The SQLite file's disk fills up, or its medium turns read-only, while the site runs. The tests run as root, which
/// file permissions do not stop, so each site connection gets <c>PRAGMA max_page_count</c> (no room to grow) or
/// <c>PRAGMA query_only</c> (no writes) from an interceptor. A failed write is a 503 "temporarily unavailable" page,
/// earlier data stays, the file passes <c>PRAGMA integrity_check</c>, and writes work again without a restart.
/// </summary>
public sealed class SqliteStorageFaultsTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly StorageLimits _limits = new();
    private CertPrepFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new CertPrepFactory(
            _database,
            settings: new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" }, // only the site's own writes touch the file
            services: s => s.AddSingleton<IInterceptor>(_limits).AddDbContext<CertPrepDbContext>((_, o) => o.AddInterceptors(_limits)));
        ExamContent.WriteTo(_app.ContentDirectory);
        _ = _app.Services;
        return System.Threading.Tasks.Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Write_Answers503AndKeepsEarlierData_WhenTheDiskIsFull()
    {
        var (client, exam, answered) = await LearnerWithAnAnswerAsync();

        _limits.MaxPageCount = await FillTheFileAsync();
        // Rows still fit into the free space of pages in use; starting exams (a new attempt and its items each time)
        // fills that too, until a start needs a page the disk does not have.
        var started = 1;
        HttpResponseMessage start;
        while ((start = await StartExamAsync(client)).StatusCode == HttpStatusCode.Redirect)
        {
            start.Dispose();
            started++;
            started.ShouldBeLessThan(200, "the file never filled up");
        }

        using (start)
        {
            await ShouldBeUnavailablePageAsync(start);
        }

        await ShouldBeIntactAsync(client, exam, answered, attempts: started);

        _limits.MaxPageCount = null; // space freed
        using var again = await StartExamAsync(client);
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AttemptCountAsync()).ShouldBe(started + 1);
        await ShouldShowAsync(client, exam, answered);
        (await IntegrityCheckAsync()).ShouldBe("ok");
    }

    [Fact]
    public async Task Write_Answers503AndKeepsEarlierData_WhenTheFileIsReadOnly()
    {
        var (client, exam, answered) = await LearnerWithAnAnswerAsync();

        _limits.ReadOnly = true;
        using (var start = await StartExamAsync(client))
        {
            await ShouldBeUnavailablePageAsync(start);
        }

        await ShouldBeIntactAsync(client, exam, answered, attempts: 1);

        _limits.ReadOnly = false; // remounted read-write
        using var again = await StartExamAsync(client);
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AttemptCountAsync()).ShouldBe(2);
        await ShouldShowAsync(client, exam, answered);
        (await IntegrityCheckAsync()).ShouldBe("ok");
    }

    private async Task<(HttpClient Client, long Exam, (int Position, string Choice) Answered)> LearnerWithAnAnswerAsync()
    {
        var email = Infrastructure.Accounts.NewEmail();
        await _app.CreateUserAsync(email, Infrastructure.Accounts.Password);
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.SignInAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.SubmitFormAsync(
            "/Enrolments",
            new Dictionary<string, string> { ["Input.CredentialId"] = ExamContent.CredentialId },
            $"form:has(input[value='{ExamContent.CredentialId}'])")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var exam = await client.StartExamAsync("Full");
        var position = await QueryAsync(async db => (await db.AttemptItems.Where(i => i.AttemptId == exam).OrderBy(i => i.Position).ToListAsync())
            .First(i => System.Text.RegularExpressions.Regex.IsMatch(i.QuestionId, @"^[a-z]+-[a-z]+-\d{3}$")).Position);
        var page = await client.GetDocumentAsync(TakeUrl(exam, position));
        var choice = page.QuerySelectorAll("input[name=Choice]")[1].GetAttribute("value")!;
        using var saved = await client.PostAsync(
            $"/Exams/{exam}/Take?handler=Save", LearningRequests.Token(page), [new("Position", position.ToString(CultureInfo.InvariantCulture)), new("Choice", choice)], json: true);
        (await saved.JsonAsync()).GetProperty("saved").GetBoolean().ShouldBeTrue();
        return (client, exam, (position, choice));
    }

    private static async Task<HttpResponseMessage> StartExamAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync($"/Exams?credential={ExamContent.CredentialId}");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[data-testid=start-exam]")!;
        return await client.SubmitAsync(form, $"/Exams?credential={ExamContent.CredentialId}", new Dictionary<string, string>
        {
            ["Input.CredentialId"] = ExamContent.CredentialId,
            ["Input.Length"] = "Full",
        });
    }

    private static async System.Threading.Tasks.Task ShouldBeUnavailablePageAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, body);
        response.Headers.RetryAfter.ShouldNotBeNull();
        body.ShouldContain("Temporarily unavailable");
        body.ShouldNotContain("SQLite Error");
        body.ShouldNotContain("Exception");
    }

    /// <summary>
    /// The earlier answer is still stored and shown once writes work again, the failed start left nothing behind,
    /// pages that only read still work, and the file is sound.
    /// </summary>
    private async System.Threading.Tasks.Task ShouldBeIntactAsync(HttpClient client, long exam, (int Position, string Choice) answered, int attempts)
    {
        using (var glossary = await client.GetAsync("/Glossary"))
        {
            glossary.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await QueryAsync(db => db.AttemptItems.SingleAsync(i => i.AttemptId == exam && i.Position == answered.Position))).Revision.ShouldBe(1);
        (await AttemptCountAsync()).ShouldBe(attempts);
        (await IntegrityCheckAsync()).ShouldBe("ok");
    }

    private static async System.Threading.Tasks.Task ShouldShowAsync(HttpClient client, long exam, (int Position, string Choice) answered)
    {
        var page = await client.GetDocumentAsync(TakeUrl(exam, answered.Position));
        page.QuerySelectorAll("input[name=Choice]").Where(i => i.HasAttribute("checked")).Select(i => i.GetAttribute("value")).ShouldBe([answered.Choice]);
    }

    private static string TakeUrl(long exam, int position) => $"/Exams/{exam}/Take?q={position.ToString(CultureInfo.InvariantCulture)}";

    private Task<int> AttemptCountAsync() => QueryAsync(db => db.Attempts.CountAsync());

    private async Task<T> QueryAsync<T>(Func<CertPrepDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CertPrepDbContext>());
    }

    private async Task<string> IntegrityCheckAsync()
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Fills the file up to its current size, free pages included (a filler table takes whatever room is left), and
    /// returns that size in pages: with it as max_page_count, any write that needs a new page fails with SQLITE_FULL.
    /// </summary>
    private async Task<long> FillTheFileAsync()
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS \"DiskFiller\" (\"Data\" BLOB NOT NULL)");
        var pages = (long)(await ScalarAsync(connection, "PRAGMA page_count"))!;
        await ExecuteAsync(connection, $"PRAGMA max_page_count = {pages.ToString(CultureInfo.InvariantCulture)}");
        foreach (var size in new[] { 65536, 4096, 512, 64, 1 })
        {
            try
            {
                while (true)
                {
                    await ExecuteAsync(connection, $"INSERT INTO \"DiskFiller\" VALUES (zeroblob({size.ToString(CultureInfo.InvariantCulture)}))");
                }
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 13)
            {
                // full at this row size: try smaller rows
            }
        }

        return (long)(await ScalarAsync(connection, "PRAGMA page_count"))!;
    }

    private static async System.Threading.Tasks.Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Applied to every connection the site opens: how big the file may grow, and whether it may be written.</summary>
    private sealed class StorageLimits : DbConnectionInterceptor
    {
        // SQLite's own upper bound: "no limit".
        private const long Unlimited = 4294967294;

        public long? MaxPageCount { get; set; }

        public bool ReadOnly { get; set; }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private string Pragmas =>
            $"PRAGMA max_page_count = {(MaxPageCount ?? Unlimited).ToString(CultureInfo.InvariantCulture)}; PRAGMA query_only = {(ReadOnly ? 1 : 0)};";
    }
}

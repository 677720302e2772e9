using System.Net;
using CertPrep.Tests.Shared;
using CertPrep.Web.Data;
using CertPrep.Web.Jobs;
using CertPrep.Web.Tests.Infrastructure;
using CertPrep.Web.Tests.Jobs;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CertPrep.Web.Tests.Hosting;

/// <summary>
/// Two site processes on one PostgreSQL database, started together on an empty database as several nodes of an
/// upgrade would be: a learner whose requests alternate between them practises and takes an exam; the recurring jobs
/// run once per fire time across the cluster; a node killed in the middle of a job leaves it to the other node.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly string _work = Directory.CreateTempSubdirectory("certprep-cluster-").FullName;
    private readonly TestDatabase _database = TestDatabase.Create(DatabaseProvider.PostgreSql);
    private readonly List<AppNode> _nodes = [];

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TwoNodes_ServeALearnerAlternately_RunEachJobOncePerFireTime_AndFinishTheJobOfAKilledNode()
    {
        var (first, second) = await StartTwoNodesTogetherAsync();

        // One learner, every request to the other node than the last: register, enrol, practise, take an exam.
        var (client, balancer) = RoundRobinHandler.Client(first, second);
        var learner = await client.RegisterAndEnrolAsync();
        var quiz = await learner.QuickQuizAsync();
        for (var position = 1; position <= 10; position++)
        {
            await learner.AnswerPracticeAsync(quiz, position, key: position % 2 == 0);
        }

        // A status message set on one node (TempData, in a protected cookie) is shown by the other after the redirect.
        var question = await client.GetDocumentAsync($"/Practice/{quiz}?q=1");
        var flagged = await client.PostAsync($"/Practice/{quiz}?handler=Mark", LearningRequests.Token(question), [new("position", "1"), new("flagged", "true")]);
        flagged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetDocumentAsync(flagged.Headers.Location!.OriginalString)).Body!.TextContent.ShouldContain("Question flagged.");
        (await client.GetDocumentAsync($"/Practice/{quiz}/Summary")).QuerySelector("[data-testid=practice-score]")!.TextContent.ShouldContain("of 10 answered");
        var exam = await client.StartExamAsync("Quarter");
        for (var position = 1; position <= 4; position++)
        {
            await client.SaveExamAnswerAsync(exam, position, key: true);
        }

        var review = await client.GetDocumentAsync($"/Exams/{exam}/Review");
        (await client.PostAsync($"/Exams/{exam}/Review?handler=Submit", LearningRequests.Token(review), [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetDocumentAsync($"/Exams/{exam}/Report")).QuerySelector("[data-testid=raw-score]").ShouldNotBeNull();
        balancer.Served.ShouldAllBe(n => n >= 20, "both nodes served the learner");
        (await QueryAsync(db => db.AttemptItems.CountAsync(i => i.AttemptId == quiz && i.AnsweredUtc != null))).ShouldBe(10, "every practice answer was stored once");

        // Recurring jobs: a test job fires every two seconds; let both nodes compete for a while.
        await Task.Delay(TimeSpan.FromSeconds(8));

        // A slow job started by hand; the node running it is killed; the other node runs it again to the end.
        using var admin = (await SignInAdminAsync(first)).Client;
        var jobs = await admin.GetDocumentAsync("/Admin/Jobs");
        var runNow = (AngleSharp.Html.Dom.IHtmlFormElement)jobs.QuerySelector($"tr[data-job='{ClusterSlowJob.Name}'] form")!;
        (await admin.SubmitAsync(runNow, "/Admin/Jobs")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var runner = await WaitForSignalAsync("slow-started");
        var victim = _nodes.Single(n => n.ProcessId == runner);
        var survivor = _nodes.Single(n => n != victim);
        victim.Kill();
        var finisher = await WaitForSignalAsync("slow-finished");
        finisher.ShouldBe(survivor.ProcessId, "the surviving node ran the job again to its end");
        File.Exists(Signal("slow-finished", victim.ProcessId)).ShouldBeFalse("the killed node never finished it");

        await Task.Delay(TimeSpan.FromSeconds(4)); // the survivor keeps ticking on its own
        var slow = await RunsAsync(ClusterSlowJob.Name);
        slow.Select(r => r.Outcome).Order().ToList().ShouldBe([JobRunOutcome.Succeeded, JobRunOutcome.Interrupted], string.Join('\n', slow.Select(r => $"{r.ScheduledFireUtc:O} {r.TriggerName} {r.NodeName} {r.Outcome}")));
        slow.Select(r => r.ScheduledFireUtc).Distinct().Count().ShouldBe(1, "the recovered run is the same firing");
        slow.Single(r => r.Outcome == JobRunOutcome.Succeeded).NodeName.ShouldNotBe(slow.Single(r => r.Outcome == JobRunOutcome.Interrupted).NodeName);

        var ticks = await RunsAsync(ClusterTickJob.Name);
        var completed = ticks.Where(r => r.Outcome == JobRunOutcome.Succeeded).ToList();
        completed.Count.ShouldBeGreaterThanOrEqualTo(8, string.Join('\n', ticks.Select(r => $"{r.ScheduledFireUtc:O} {r.NodeName} {r.Outcome}")));
        completed.GroupBy(r => r.ScheduledFireUtc).ShouldAllBe(g => g.Count() == 1, "each fire time ran once across the cluster");
        ticks.ShouldAllBe(r => r.Outcome == JobRunOutcome.Succeeded || r.Outcome == JobRunOutcome.Interrupted || r.Outcome == JobRunOutcome.Running);
        new AppProcess.Result(0, survivor.Lines).ShouldHaveNoStackTrace();
        using var health = survivor.NewClient();
        (await health.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            node.Kill();
            output.WriteLine($"--- node {node.ProcessId} ---\n{node.Output}");
            await node.DisposeAsync();
        }

        await _database.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    /// <summary>Both nodes start at the same moment on an empty database: migrations, roles, the admin and the content import run safely once.</summary>
    private async Task<(AppNode First, AppNode Second)> StartTwoNodesTogetherAsync()
    {
        var content = Directory.CreateDirectory(Path.Combine(_work, "content")).FullName;
        ExamContent.WriteTo(content);
        Directory.CreateDirectory(Path.Combine(_work, "signals"));
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__CertPrep"] = _database.ConnectionString,
            ["Content__Path"] = content,
            ["Admin__Email"] = AdminEmail,
            ["Admin__Password"] = Infrastructure.Accounts.Password,
            ["Jobs__IdleWaitTime"] = "00:00:01",
            ["Jobs__ClusterCheckinInterval"] = "00:00:02",
            ["RateLimits__SignInPerMinute"] = "0",
            ["RateLimits__AnswersPerMinute"] = "0",
            [ClusterTestJobs.SignalsVariable] = Path.Combine(_work, "signals"),
        };
        foreach (var name in new[] { "node-a", "node-b" })
        {
            _nodes.Add(AppNode.Launch(Directory.CreateDirectory(Path.Combine(_work, name)).FullName, environment, testHostingStartup: true));
        }

        await Task.WhenAll(_nodes.Select(n => n.WaitUntilStartedAsync()));
        foreach (var node in _nodes)
        {
            new AppProcess.Result(0, node.Lines).ShouldHaveNoStackTrace();
        }

        (await QueryAsync(db => db.Database.GetAppliedMigrationsAsync())).ShouldBe(await QueryAsync(db => Task.FromResult(db.Database.GetMigrations())));
        return (_nodes[0], _nodes[1]);
    }

    private const string AdminEmail = "admin@cluster.example.org";

    private static async Task<(HttpClient Client, HttpResponseMessage Response)> SignInAdminAsync(AppNode node)
    {
        var client = node.NewClient();
        var response = await client.SignInAsync(AdminEmail);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (client, response);
    }

    private string Signal(string name, int processId) => Path.Combine(_work, "signals", $"{name}-{processId}");

    /// <summary>Waits for a test job's signal file and returns the id of the process that wrote it.</summary>
    private async Task<int> WaitForSignalAsync(string name)
    {
        var deadline = Environment.TickCount64 + (long)Patience.TotalMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            var file = Directory.EnumerateFiles(Path.Combine(_work, "signals"), $"{name}-*").FirstOrDefault();
            if (file is not null)
            {
                return int.Parse(Path.GetFileName(file)[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No '{name}' signal within {Patience.TotalSeconds} s.\n{string.Join("\n---\n", _nodes.Select(n => n.Output))}");
    }

    private Task<List<JobRun>> RunsAsync(string jobName) => QueryAsync(db => db.JobRuns.AsNoTracking().Where(r => r.JobName == jobName).ToListAsync());

    private async Task<T> QueryAsync<T>(Func<CertPrepDbContext, Task<T>> query)
    {
        await using var db = _database.NewContext();
        return await query(db);
    }
}

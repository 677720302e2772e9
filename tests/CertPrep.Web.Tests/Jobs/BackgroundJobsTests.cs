using System.Net;
using CertPrep.Tests.Shared;
using CertPrep.Web.Accounts;
using CertPrep.Web.Data;
using CertPrep.Web.Jobs;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Jobs;

/// <summary>
/// Jobs through <see cref="IBackgroundJobs"/> on the real Quartz store in the real database: fire-and-forget,
/// delayed across a restart, retried with back-off, and visible on the admin jobs page.
/// </summary>
public abstract class BackgroundJobsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private TestDatabase _database = null!;

    public Task InitializeAsync()
    {
        _database = TestDatabase.Create(provider);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private CertPrepFactory App(string? schedulerName = null, IReadOnlyDictionary<string, string?>? settings = null) => new(_database, settings, services: services =>
    {
        services.AddSingleton<JobSink>();
        services.AddBackgroundJob<RecordingJob>(RecordingJob.Name, "Test job that records its runs");
        services.AddBackgroundJob<FlakyJob>(FlakyJob.Name, "Test job that fails once");
        services.AddBackgroundJob<BrokenJob>(BrokenJob.Name, "Test job that always fails");
        services.AddBackgroundJob<SlowJob>(SlowJob.Name, "Test job that runs until released");
    }, schedulerName: schedulerName);

    [Fact]
    public async Task Enqueue_RunsTheJobWithItsArguments()
    {
        await using var app = App();
        var jobs = app.Services.GetRequiredService<IBackgroundJobs>();

        await jobs.EnqueueAsync<RecordingJob>(new Dictionary<string, string> { ["module"] = "cpim-demand" });

        var run = await WaitForAsync(() => app.Services.GetRequiredService<JobSink>().Runs.FirstOrDefault());
        run.JobName.ShouldBe(RecordingJob.Name);
        run.Arguments["module"].ShouldBe("cpim-demand");
        run.RetryAttempt.ShouldBe(0);
        var recorded = await WaitForAsync(() => Runs(app, RecordingJob.Name).FirstOrDefault(r => r.Outcome == JobRunOutcome.Succeeded));
        recorded.FinishedUtc.ShouldNotBeNull();
    }

    [Fact]
    public async Task ScheduledJob_RunsAfterRestart_WhenScheduledBeforeIt()
    {
        var schedulerName = $"restart-{Guid.NewGuid():N}";
        var marker = Guid.NewGuid().ToString("N");
        await using (var before = App(schedulerName))
        {
            var jobs = before.Services.GetRequiredService<IBackgroundJobs>();
            var time = before.Services.GetRequiredService<TimeProvider>();
            await jobs.ScheduleAsync<RecordingJob>(time.GetUtcNow().AddSeconds(4), new Dictionary<string, string> { ["marker"] = marker });
        } // the process "stops" before the job is due

        (await Runs(_database, RecordingJob.Name)).ShouldBeEmpty();

        await using var after = App(schedulerName);
        _ = after.Services; // start the host: the scheduler picks the stored trigger up from the database
        var run = await WaitForAsync(() => after.Services.GetRequiredService<JobSink>().Runs.FirstOrDefault());
        run.Arguments["marker"].ShouldBe(marker);
        (await WaitForAsync(() => Runs(after, RecordingJob.Name).FirstOrDefault(r => r.Outcome == JobRunOutcome.Succeeded))).ShouldNotBeNull();
    }

    [Fact]
    public async Task FailingJob_IsRetriedWithBackoff_AndTheFailureIsVisibleToAdmins()
    {
        await using var app = App();
        var jobs = app.Services.GetRequiredService<IBackgroundJobs>();

        await jobs.EnqueueAsync<FlakyJob>();

        var success = await WaitForAsync(() => Runs(app, FlakyJob.Name).FirstOrDefault(r => r.Outcome == JobRunOutcome.Succeeded));
        var runs = Runs(app, FlakyJob.Name).OrderBy(r => r.RetryAttempt).ToList();
        runs.Count.ShouldBe(2);
        runs[0].Outcome.ShouldBe(JobRunOutcome.Failed);
        runs[0].Error.ShouldBe("InvalidOperationException: flaky failure on attempt 1");
        runs[0].RetryScheduled.ShouldBeTrue();
        success.RetryAttempt.ShouldBe(1);
        (success.StartedUtc - runs[0].StartedUtc).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)); // RetryInitialDelay is 1 s in tests

        var page = await AdminJobsPageAsync(app);
        var failure = page.QuerySelector($"tr[data-failure='{FlakyJob.Name}']").ShouldNotBeNull();
        failure.TextContent.ShouldContain("flaky failure on attempt 1");
        failure.TextContent.ShouldContain("yes");
    }

    [Fact]
    public async Task FailingJob_GivesUp_AfterItsRetries()
    {
        await using var app = App(); // tests allow 2 retries
        var jobs = app.Services.GetRequiredService<IBackgroundJobs>();

        await jobs.EnqueueAsync<BrokenJob>();

        await WaitForAsync(() => Runs(app, BrokenJob.Name).FirstOrDefault(r => r is { RetryAttempt: 2, FinishedUtc: not null }));
        await Task.Delay(TimeSpan.FromSeconds(3)); // no fourth attempt comes
        var runs = Runs(app, BrokenJob.Name).OrderBy(r => r.RetryAttempt).ToList();
        runs.Select(r => r.RetryAttempt).ShouldBe([0, 1, 2]);
        runs.ShouldAllBe(r => r.Outcome == JobRunOutcome.Failed && r.Error == "TimeoutException: the upstream service did not answer");
        runs.Select(r => r.RetryScheduled).ShouldBe([true, true, false]);

        var page = await AdminJobsPageAsync(app);
        page.QuerySelectorAll($"tr[data-failure='{BrokenJob.Name}']").Length.ShouldBe(3);
        page.QuerySelector($"tr[data-failure='{BrokenJob.Name}']")!.TextContent.ShouldContain("no, gave up");
    }

    [Fact]
    public async Task ScheduledJob_RunsWhenDue_WhileAnotherJobKeepsFailingAndAnotherIsSlow()
    {
        // Two workers only, and a failing job that would retry for half an hour: neither may hold up the others.
        await using var app = App(settings: new Dictionary<string, string?> { ["Jobs:MaxConcurrency"] = "2", ["Jobs:RetryAttempts"] = "1000" });
        var jobs = app.Services.GetRequiredService<IBackgroundJobs>();
        var sink = app.Services.GetRequiredService<JobSink>();
        var time = app.Services.GetRequiredService<TimeProvider>();

        await jobs.EnqueueAsync<SlowJob>();
        await sink.SlowStarted.Task.WaitAsync(Patience);
        await jobs.EnqueueAsync<BrokenJob>();
        await WaitForAsync(() => Runs(app, BrokenJob.Name).FirstOrDefault(r => r is { RetryAttempt: 1, FinishedUtc: not null }));
        var marker = Guid.NewGuid().ToString("N");
        await jobs.ScheduleAsync<RecordingJob>(time.GetUtcNow().AddSeconds(2), new Dictionary<string, string> { ["marker"] = marker });

        var run = await WaitForAsync(() => sink.Runs.FirstOrDefault(r => r.Arguments.GetValueOrDefault("marker") == marker));

        Runs(app, SlowJob.Name).ShouldHaveSingleItem().FinishedUtc.ShouldBeNull("the slow job is still running on one of the two workers");
        var broken = Runs(app, BrokenJob.Name);
        broken.ShouldAllBe(r => r.Outcome != JobRunOutcome.Succeeded);
        broken.Where(r => r.FinishedUtc is not null).ShouldAllBe(r => r.RetryScheduled, "the failing job is still being retried");
        (await WaitForAsync(() => Runs(app, RecordingJob.Name).FirstOrDefault(r => r.Outcome == JobRunOutcome.Succeeded))).ShouldNotBeNull();
        run.RetryAttempt.ShouldBe(0);
        sink.ReleaseSlow.TrySetResult();
        await WaitForAsync(() => Runs(app, SlowJob.Name).FirstOrDefault(r => r.Outcome == JobRunOutcome.Succeeded));
    }

    [Fact]
    public async Task RecurringJob_IsListed_AndRunsNow_FromTheAdminPage()
    {
        await using var app = App();
        using var admin = await SignedInAdminAsync(app);
        var page = await admin.GetDocumentAsync("/Admin/Jobs");
        var row = page.QuerySelector($"tr[data-job='{PruneJobHistoryJob.Name}']").ShouldNotBeNull();
        row.TextContent.ShouldContain("0 15 3 * * ?");
        row.TextContent.ShouldContain("Normal");
        row.TextContent.ShouldContain("never ran");

        var form = (AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("form")!;
        using var response = await admin.SubmitAsync(form, "/Admin/Jobs");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await WaitForAsync(() => Runs(app, PruneJobHistoryJob.Name).FirstOrDefault(r => r.Outcome == JobRunOutcome.Succeeded));
        page = await admin.GetDocumentAsync("/Admin/Jobs");
        page.QuerySelector($"tr[data-job='{PruneJobHistoryJob.Name}']")!.TextContent.ShouldContain("Succeeded");
    }

    private static async Task<HttpClient> SignedInAdminAsync(CertPrepFactory app)
    {
        var email = Infrastructure.Accounts.NewEmail("admin");
        await app.CreateUserAsync(email, Infrastructure.Accounts.Password, Roles.Admin);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await client.SignInAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> AdminJobsPageAsync(CertPrepFactory app)
    {
        using var admin = await SignedInAdminAsync(app);
        return await admin.GetDocumentAsync("/Admin/Jobs");
    }

    private static List<JobRun> Runs(CertPrepFactory app, string jobName)
    {
        using var scope = app.Services.CreateScope();
        return [.. scope.ServiceProvider.GetRequiredService<CertPrepDbContext>().JobRuns.AsNoTracking().Where(r => r.JobName == jobName)];
    }

    private static async Task<List<JobRun>> Runs(TestDatabase database, string jobName)
    {
        await using var db = database.NewContext();
        return await db.JobRuns.AsNoTracking().Where(r => r.JobName == jobName).ToListAsync();
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe)
        where T : class
    {
        var deadline = Environment.TickCount64 + (long)Patience.TotalMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Nothing arrived within {Patience.TotalSeconds} s.");
    }
}

public sealed class SqliteBackgroundJobsTests() : BackgroundJobsTests(DatabaseProvider.Sqlite);

public sealed class PostgresBackgroundJobsTests() : BackgroundJobsTests(DatabaseProvider.PostgreSql);

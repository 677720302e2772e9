using CertPrep.Tests.Shared;
using CertPrep.Web.Adaptive;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Adaptive;

/// <summary>The nightly recalibration and mastery snapshots: idempotent, and what they feed.</summary>
public abstract class AdaptiveJobsTests(LearningFixture app)
{
    [Fact]
    public async Task Recalibration_FitsAnsweredItems_GivesTheSameParametersWhenRunAgain_AndItemAnalysisShowsThem()
    {
        var learner = await app.EnrolledLearnerAsync();
        var quiz = await learner.QuickQuizAsync();
        for (var position = 1; position <= 5; position++)
        {
            await learner.AnswerPracticeAsync(quiz, position, key: position != 3);
        }

        var first = await RunAsync<CalibrationService, int>(s => s.RecalibrateAsync(CancellationToken.None));
        var once = await app.QueryAsync(db => db.ItemCalibrations.AsNoTracking().OrderBy(c => c.QuestionVersionId).Select(c => new { c.QuestionVersionId, c.A, c.B, c.C, c.Responses }).ToListAsync());
        await RunAsync<CalibrationService, int>(s => s.RecalibrateAsync(CancellationToken.None));
        var twice = await app.QueryAsync(db => db.ItemCalibrations.AsNoTracking().OrderBy(c => c.QuestionVersionId).Select(c => new { c.QuestionVersionId, c.A, c.B, c.C, c.Responses }).ToListAsync());

        first.ShouldBeGreaterThanOrEqualTo(5);
        twice.ShouldBe(once, "running the job again changes nothing");
        var answered = await app.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == quiz && i.IsCorrect != null).Select(i => i.QuestionVersionId).ToListAsync());
        answered.ShouldAllBe(v => once.Any(c => c.QuestionVersionId == v));
        once.ShouldAllBe(c => c.A > 0 && c.Responses >= 1);
    }

    [Fact]
    public async Task MasterySnapshots_AreStoredOncePerDay_AndTheMasteryPageDrawsTheTrend()
    {
        var learner = await app.EnrolledLearnerAsync();
        var quiz = await learner.QuickQuizAsync();
        await learner.AnswerPracticeAsync(quiz, 1, key: true);

        await RunAsync<MasterySnapshotService, int>(s => s.SnapshotAsync(CancellationToken.None));
        await RunAsync<MasterySnapshotService, int>(s => s.SnapshotAsync(CancellationToken.None));
        var rows = await app.QueryAsync(db => db.MasterySnapshots.Where(s => s.UserId == learner.UserId).ToListAsync());
        rows.Count.ShouldBe(1, "one snapshot per enrolment and day, however often the job runs");
        rows[0].Read().ContainsKey(MasterySnapshotService.ExamKey).ShouldBeTrue();

        await app.QueryAsync(db =>
        {
            db.MasterySnapshots.Add(new MasterySnapshot { UserId = learner.UserId, CredentialId = ExamContent.CredentialId, Day = rows[0].Day.AddDays(-7), MasteryJson = rows[0].MasteryJson });
            return db.SaveChangesAsync();
        });
        var page = await learner.Client.GetDocumentAsync($"/Mastery/{ExamContent.CredentialId}");

        page.QuerySelector("[data-testid=trend-chart] title")!.TextContent.ShouldStartWith("Mastery per domain from");
        page.QuerySelectorAll("[data-testid=trend-table] tbody tr").Length.ShouldBe(2);
        page.QuerySelectorAll("[data-testid=trend-chart] polyline").Length.ShouldBeGreaterThan(0);
    }

    private async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

[Collection(SqliteLearningCollection.Name)]
public sealed class SqliteAdaptiveJobsTests(SqliteLearningFixture app) : AdaptiveJobsTests(app);

[Collection(PostgresLearningCollection.Name)]
public sealed class PostgresAdaptiveJobsTests(PostgresLearningFixture app) : AdaptiveJobsTests(app);

using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using CertPrep.Tests.Shared;
using CertPrep.Web.Accounts;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Accounts;

/// <summary>A learner's export (JSON and CSV) holds their own data only; deleting the account keeps answers anonymous.</summary>
public abstract class PersonalDataTests(LearningFixture app)
{
    private const int PracticeQuestions = 10;

    [Fact]
    public async Task Export_HoldsTheLearnersOwnData_AsJsonAndAsCsvFiles()
    {
        var (learner, quiz) = await LearnerWithHistoryAsync("=HYPERLINK(\"http://evil\"), a note");
        var (other, otherQuiz) = await LearnerWithHistoryAsync("someone else's note");

        var json = await learner.Client.GetAsync("/Account/Data?handler=Json");

        json.StatusCode.ShouldBe(HttpStatusCode.OK);
        json.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var data = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("data");
        data.GetProperty("account")[0].GetProperty("email").GetString().ShouldBe(learner.Email);
        data.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ShouldBe([quiz]);
        data.GetProperty("answers").GetArrayLength().ShouldBe(PracticeQuestions, "every question of the quiz");
        data.GetProperty("answers").EnumerateArray().Count(a => a.GetProperty("answeredUtc").ValueKind != JsonValueKind.Null).ShouldBe(3);
        data.GetProperty("notes-and-flags")[0].GetProperty("note").GetString().ShouldStartWith("=HYPERLINK");
        data.GetProperty("enrolments")[0].GetProperty("credentialId").GetString().ShouldBe(ExamContent.CredentialId);
        data.GetProperty("review-cards").GetArrayLength().ShouldBeGreaterThan(0);
        var text = data.ToString();
        text.ShouldNotContain(other.Email);
        text.ShouldNotContain("someone else's note");

        var csv = await learner.Client.GetAsync("/Account/Data?handler=Csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        using var zip = new ZipArchive(await csv.Content.ReadAsStreamAsync());
        zip.Entries.Select(e => e.Name).ShouldContain("answers.csv");
        var answers = Read(zip, "answers.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        answers[0].ShouldStartWith("AttemptId,Position,QuestionId,");
        answers.Length.ShouldBe(1 + PracticeQuestions);
        answers.Skip(1).ShouldAllBe(line => line.StartsWith($"{quiz},", StringComparison.Ordinal));
        Read(zip, "notes-and-flags.csv").ShouldContain("\"'=HYPERLINK(\"\"http://evil\"\"), a note\"", customMessage: "quoted, and not run as a formula by a spreadsheet");
        Read(zip, "attempts.csv").ShouldNotContain(otherQuiz.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",");
        (await app.NewClient().GetAsync("/Account/Data?handler=Json")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "sign-in required");
    }

    [Fact]
    public async Task DeleteAccount_RemovesThePersonalData_AndKeepsTheAnswersUnderAPseudonym()
    {
        var (learner, quiz) = await LearnerWithHistoryAsync("private note");
        var page = await learner.Client.GetDocumentAsync("/Account/Data");

        var wrong = await learner.Client.PostAsync("/Account/Data?handler=Delete", LearningRequests.Token(page), [new("Input.Password", "not my password at all"), new("Input.Confirm", "true")]);
        (await HtmlForms.ParseAsync(wrong)).QuerySelector("main")!.TextContent.ShouldContain("That is not your password. Nothing was deleted.");
        var unconfirmed = await learner.Client.PostAsync("/Account/Data?handler=Delete", LearningRequests.Token(page), [new("Input.Password", Infrastructure.Accounts.Password), new("Input.Confirm", "false")]);
        (await HtmlForms.ParseAsync(unconfirmed)).QuerySelector("main")!.TextContent.ShouldContain("Tick the box");
        (await app.QueryAsync(db => db.Users.CountAsync(u => u.Id == learner.UserId))).ShouldBe(1);

        var deleted = await learner.Client.PostAsync("/Account/Data?handler=Delete", LearningRequests.Token(page), [new("Input.Password", Infrastructure.Accounts.Password), new("Input.Confirm", "true")]);

        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        deleted.Headers.Location!.OriginalString.ShouldBe("/");
        (await app.QueryAsync(db => db.Users.CountAsync(u => u.Id == learner.UserId || u.Email == learner.Email))).ShouldBe(0);
        (await app.QueryAsync(db => db.QuestionMarks.CountAsync(m => m.UserId == learner.UserId))).ShouldBe(0);
        (await app.QueryAsync(db => db.ReviewCards.CountAsync(c => c.UserId == learner.UserId))).ShouldBe(0);
        (await app.QueryAsync(db => db.ReviewLogs.CountAsync(l => l.UserId == learner.UserId))).ShouldBe(0);
        (await app.QueryAsync(db => db.Enrolments.CountAsync(e => e.UserId == learner.UserId))).ShouldBe(0);
        (await app.QueryAsync(db => db.StudyPlans.CountAsync(p => p.UserId == learner.UserId))).ShouldBe(0);
        (await app.QueryAsync(db => db.AbilityStates.CountAsync(s => s.UserId == learner.UserId))).ShouldBe(0);
        var kept = await app.QueryAsync(db => db.Attempts.AsNoTracking().SingleAsync(a => a.Id == quiz));
        kept.UserId.ShouldStartWith(PersonalData.PseudonymPrefix);
        (await app.QueryAsync(db => db.AttemptItems.CountAsync(i => i.AttemptId == quiz && i.IsCorrect != null))).ShouldBe(3, "the answers stay for item statistics");
        var pseudonym = await app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == kept.UserId));
        pseudonym.Email.ShouldBeNull();
        pseudonym.DisplayName.ShouldBeNull();
        pseudonym.PasswordHash.ShouldBeNull();
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var listed = await scope.ServiceProvider.GetRequiredService<RoleAdministration>().ListAsync(null, 1, CancellationToken.None);
            listed.Users.ShouldNotContain(u => u.Id == kept.UserId, "placeholders are not people on the Users page");
        }

        (await app.NewClient().SignInAsync(learner.Email)).StatusCode.ShouldBe(HttpStatusCode.OK, "the sign-in form comes back with an error: no such account");
        (await learner.Client.GetAsync("/Dashboard")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "signed out");
    }

    private async Task<(Learner Learner, long Quiz)> LearnerWithHistoryAsync(string note)
    {
        var learner = await app.EnrolledLearnerAsync();
        var quiz = await learner.QuickQuizAsync();
        for (var position = 1; position <= 3; position++)
        {
            await learner.AnswerPracticeAsync(quiz, position, key: position != 2);
        }

        var page = await learner.Client.GetDocumentAsync($"/Practice/{quiz}?q=1");
        (await learner.Client.PostAsync($"/Practice/{quiz}?handler=Mark", LearningRequests.Token(page), [new("position", "1"), new("note", note)])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await learner.Client.GetAsync("/Today")).StatusCode.ShouldBe(HttpStatusCode.OK); // makes a study plan
        return (learner, quiz);
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

[Collection(SqliteLearningCollection.Name)]
public sealed class SqlitePersonalDataTests(SqliteLearningFixture app) : PersonalDataTests(app);

[Collection(PostgresLearningCollection.Name)]
public sealed class PostgresPersonalDataTests(PostgresLearningFixture app) : PersonalDataTests(app);

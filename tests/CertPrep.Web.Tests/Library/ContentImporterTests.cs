using System.Net;
using CertPrep.Tests.Shared;
using CertPrep.Web.Accounts;
using CertPrep.Web.Data;
using CertPrep.Web.Library;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Library;

/// <summary>
/// The import of content/ into the database, on each provider: start-up import, versions on edit, retirement on
/// removal, the last good import kept for broken files, idempotence, and all-or-nothing on a crash.
/// </summary>
public abstract class ContentImporterTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string QuestionsFile = "demo/questions/planning.md";
    private TestDatabase _database = null!;
    private CertPrepFactory _app = null!;
    private readonly FailingSave _failure = new();

    public Task InitializeAsync()
    {
        _database = TestDatabase.Create(provider);
        _app = new CertPrepFactory(_database, services: s => s.AddSingleton<IInterceptor>(_failure).AddDbContext<CertPrepDbContext>((sp, o) => o.AddInterceptors(_failure)));
        SampleContentFiles.CopyTo(_app.ContentDirectory);

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private string ContentFile(string path) => Path.Combine(_app.ContentDirectory, path);

    private void Edit(string path, string oldText, string newText)
    {
        var text = File.ReadAllText(ContentFile(path));
        text.ShouldContain(oldText);
        File.WriteAllText(ContentFile(path), text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    private async Task<ContentImport> ImportAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync("test", CancellationToken.None);
    }

    private async Task<T> QueryAsync<T>(Func<CertPrepDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CertPrepDbContext>());
    }

    [Fact]
    public async Task Startup_ImportsTheContentFolder()
    {
        _ = _app.Services; // starts the site, which imports before serving

        (await QueryAsync(db => db.Credentials.Select(c => c.Id).ToListAsync())).ShouldBe(["demo"]);
        (await QueryAsync(db => db.Modules.CountAsync())).ShouldBe(2);
        (await QueryAsync(db => db.GlossaryTerms.CountAsync())).ShouldBe(3);
        (await QueryAsync(db => db.Questions.CountAsync(q => !q.IsRetired && q.CurrentVersion == 1))).ShouldBe(6);
        (await QueryAsync(db => db.QuestionDomains.CountAsync(d => d.QuestionId == "demo-plan-002"))).ShouldBe(2);
        (await QueryAsync(db => db.CaseSets.CountAsync())).ShouldBe(1);
        var import = await QueryAsync(db => db.ContentImports.SingleAsync());
        (import.Trigger, import.Added, import.Errors).ShouldBe(("startup", 13, 0));
    }

    [Fact]
    public async Task Import_IsIdempotent_WhenNothingChanged()
    {
        _ = _app.Services;

        var again = await ImportAsync();

        (again.Added, again.NewVersions, again.Retired).ShouldBe((0, 0, 0));
        again.Unchanged.ShouldBe(13);
        (await QueryAsync(db => db.QuestionVersions.CountAsync())).ShouldBe(6);
    }

    [Fact]
    public async Task Edit_CreatesANewVersion_AndKeepsTheOldOneUnchanged()
    {
        _ = _app.Services;
        var first = await QueryAsync(db => db.QuestionVersions.SingleAsync(v => v.QuestionId == "demo-plan-001"));

        Edit(QuestionsFile, "Why does a business hold safety stock?", "What is the main reason a business holds safety stock?");
        var import = await ImportAsync();

        import.NewVersions.ShouldBe(1);
        var versions = await QueryAsync(db => db.QuestionVersions.Where(v => v.QuestionId == "demo-plan-001").OrderBy(v => v.Number).ToListAsync());
        versions.Select(v => v.Number).ShouldBe([1, 2]);
        versions[0].Stem.ShouldBe(first.Stem); // answers given to version 1 still show what was answered
        versions[0].ContentHash.ShouldBe(first.ContentHash);
        versions[1].Stem.ShouldStartWith("What is the main reason");
        (await QueryAsync(db => db.Questions.SingleAsync(q => q.Id == "demo-plan-001"))).CurrentVersion.ShouldBe(2);
    }

    [Fact]
    public async Task Edit_OfMetadataOnly_KeepsTheVersion()
    {
        _ = _app.Services;

        Edit(QuestionsFile, "difficulty: easy", "difficulty: hard");
        await ImportAsync();

        (await QueryAsync(db => db.QuestionVersions.CountAsync(v => v.QuestionId == "demo-plan-001"))).ShouldBe(1);
    }

    [Fact]
    public async Task Removal_RetiresTheQuestion_AndRestoringItServesTheSameVersion()
    {
        _ = _app.Services;
        var text = File.ReadAllText(ContentFile(QuestionsFile));
        var start = text.IndexOf("## Question demo-plan-003", StringComparison.Ordinal);
        var end = text.IndexOf("## Question demo-plan-004", StringComparison.Ordinal);
        File.WriteAllText(ContentFile(QuestionsFile), text.Remove(start, end - start));

        var removed = await ImportAsync();

        removed.Retired.ShouldBe(1);
        var item = await QueryAsync(db => db.Questions.SingleAsync(q => q.Id == "demo-plan-003"));
        item.IsRetired.ShouldBeTrue();
        (await QueryAsync(db => db.QuestionVersions.CountAsync(v => v.QuestionId == "demo-plan-003"))).ShouldBe(1); // history kept

        File.WriteAllText(ContentFile(QuestionsFile), text);
        await ImportAsync();
        var restored = await QueryAsync(db => db.Questions.SingleAsync(q => q.Id == "demo-plan-003"));
        (restored.IsRetired, restored.CurrentVersion).ShouldBe((false, 1));
    }

    [Fact]
    public async Task BrokenFile_KeepsItsLastGoodImport_AndItsProblemsAreRecorded()
    {
        _ = _app.Services;

        Edit(QuestionsFile, "- [ ] To lower holding cost\n  > Wrong: safety stock adds holding cost.\n", "- [ ] To lower holding cost\n");
        var import = await ImportAsync();

        (import.Errors, import.RejectedFiles, import.Retired).ShouldBe((1, 1, 0));
        (await QueryAsync(db => db.Questions.CountAsync(q => !q.IsRetired))).ShouldBe(6);
        var problem = await QueryAsync(db => db.ContentProblems.SingleAsync(p => p.ImportId == import.Id));
        $"{problem.Path}:{problem.Line}:{problem.Column}".ShouldBe($"{QuestionsFile}:22:7");
        problem.Code.ShouldBe("question.no-rationale");

        using var author = await SignedInAsync(Roles.Author);
        var health = await author.GetDocumentAsync("/Author/Health");
        health.QuerySelector("tr[data-problem='question.no-rationale']")!.TextContent.ShouldContain($"{QuestionsFile}:22:7");
    }

    [Fact]
    public async Task UnchangedFile_IsImported_WhenAFixElsewhereMakesItValid()
    {
        _ = _app.Services;
        Edit(QuestionsFile, "## Question demo-plan-002", "## Question demo-plan-002-renamed");
        Edit(QuestionsFile, "source: demo-planning#why-hold-inventory\n```\n\nWhy", "source: demo-planning#a-new-section\n```\n\nWhy");
        var broken = await ImportAsync(); // the question file points at a section that does not exist yet
        broken.RejectedFiles.ShouldBe(1);
        (await QueryAsync(db => db.Questions.AnyAsync(q => q.Id == "demo-plan-002-renamed"))).ShouldBeFalse();

        Edit("demo/modules/01-planning.md", "## Why hold inventory", "## A new section\n\nText.\n\n## Why hold inventory");
        var fixedImport = await ImportAsync(); // only the module changed on disk

        (fixedImport.Errors, fixedImport.RejectedFiles).ShouldBe((0, 0));
        (await QueryAsync(db => db.Questions.SingleAsync(q => q.Id == "demo-plan-002-renamed"))).IsRetired.ShouldBeFalse();
        (await QueryAsync(db => db.Questions.SingleAsync(q => q.Id == "demo-plan-002"))).IsRetired.ShouldBeTrue();
    }

    [Fact]
    public async Task Crash_DuringImport_LeavesThePreviousImport()
    {
        _ = _app.Services;
        Edit(QuestionsFile, "Why does a business hold safety stock?", "Edited stem that must not half-land.");
        _failure.Armed = true;

        await Should.ThrowAsync<InvalidOperationException>(ImportAsync);

        _failure.Armed = false;
        (await QueryAsync(db => db.QuestionVersions.CountAsync())).ShouldBe(6);
        (await QueryAsync(db => db.ContentImports.CountAsync())).ShouldBe(1);
        (await QueryAsync(db => db.Questions.SingleAsync(q => q.Id == "demo-plan-001"))).CurrentVersion.ShouldBe(1);
    }

    [Fact]
    public async Task StudyPages_ShowTheImportedContent_Safely()
    {
        using var learner = await SignedInAsync();

        var catalog = await learner.GetDocumentAsync("/Credentials");
        catalog.QuerySelector("main")!.TextContent.ShouldContain("Demonstration Certificate in Operations");
        var credential = await learner.GetDocumentAsync("/Credentials/demo");
        credential.QuerySelector("main")!.TextContent.ShouldContain("unconfirmed");
        var module = await learner.GetDocumentAsync("/Modules/demo-planning");
        var body = module.QuerySelector(".module-body")!;
        body.QuerySelector("script").ShouldBeNull();
        body.InnerHtml.ShouldContain("&lt;script&gt;");
        body.QuerySelector("aside.callout-example")!.TextContent.ShouldContain("Worked example: EOQ");
        body.QuerySelector("span.math").ShouldNotBeNull();
        body.QuerySelector("a[href='/Modules/demo-quality#measuring-quality']").ShouldNotBeNull();
        body.QuerySelector("a.term[href='/Glossary#safety-stock']").ShouldNotBeNull();
        var image = body.QuerySelector("img")!.GetAttribute("src")!;
        image.ShouldBe("/content-files/demo/images/flow.svg");
        (await learner.GetAsync(image)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await learner.GetAsync("/content-files/demo/modules/01-planning.md")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var anonymous = NewClient())
        {
            (await anonymous.GetAsync(image)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var glossary = await learner.GetDocumentAsync("/Glossary?q=buffer");
        glossary.QuerySelectorAll("dl.glossary dt").Select(d => d.Id).ShouldBe(["safety-stock"]);
    }

    [Fact]
    public async Task ModuleAndGlossaryPages_ShowATermAddedToTheGlossary_AfterTheNextImport()
    {
        using var learner = await SignedInAsync();
        var before = await learner.GetDocumentAsync("/Modules/demo-planning");
        before.QuerySelector("a.term[href='/Glossary#holding-cost']").ShouldBeNull();
        (await learner.GetDocumentAsync("/Glossary")).GetElementById("holding-cost").ShouldBeNull();

        File.AppendAllText(ContentFile("glossary/terms.md"), "\n## Holding cost\n\nThe cost of keeping a unit in stock for a year.\n");
        (await ImportAsync()).Errors.ShouldBe(0);

        var after = await learner.GetDocumentAsync("/Modules/demo-planning"); // the links of the previous import were kept for speed
        after.QuerySelector("a.term[href='/Glossary#holding-cost']").ShouldNotBeNull("a new import renews them");
        (await learner.GetDocumentAsync("/Glossary")).GetElementById("holding-cost").ShouldNotBeNull("and the glossary, rendered once per import");
        var found = await learner.GetDocumentAsync("/Glossary?q=unit%20in%20stock");
        found.GetElementById("holding-cost").ShouldNotBeNull("searching the definitions' words");
        found.GetElementById("safety-stock").ShouldBeNull();
    }

    [Fact]
    public async Task MarkAsRead_IsRememberedPerLearner()
    {
        using var learner = await SignedInAsync();
        var page = await learner.GetDocumentAsync("/Modules/demo-planning");

        using var response = await learner.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form.mark-read")!, "/Modules/demo-planning");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await learner.GetDocumentAsync("/Modules/demo-planning")).QuerySelector("form.mark-read button")!.TextContent.ShouldBe("Mark as not read");
        using var other = await SignedInAsync();
        (await other.GetDocumentAsync("/Modules/demo-planning")).QuerySelector("form.mark-read button")!.TextContent.ShouldBe("Mark as read");
    }

    [Fact]
    public async Task Preview_ShowsKeyRationalesAndSampleDraws_ToAuthorsOnly()
    {
        using var author = await SignedInAsync(Roles.Author);

        var single = await author.GetDocumentAsync("/Author/Preview/demo-plan-001");
        single.QuerySelector(".rationales .key")!.TextContent.ShouldContain("To protect service levels");
        single.QuerySelectorAll(".rationales li").Length.ShouldBe(4);
        var calculated = await author.GetDocumentAsync("/Author/Preview/demo-plan-004");
        calculated.QuerySelectorAll(".draws li").Length.ShouldBe(3);
        calculated.QuerySelector(".draws li")!.TextContent.ShouldContain("answer");

        using var learner = await SignedInAsync();
        (await learner.GetAsync("/Author/Preview/demo-plan-001")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private HttpClient NewClient() => _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(params string[] roles)
    {
        var email = Infrastructure.Accounts.NewEmail();
        await _app.CreateUserAsync(email, Infrastructure.Accounts.Password, roles);
        var client = NewClient();
        (await client.SignInAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>Makes the next save fail, as a crash half-way through an import would.</summary>
    private sealed class FailingSave : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Armed && eventData.Context!.ChangeTracker.Entries<ContentImport>().Any()
                ? throw new InvalidOperationException("simulated crash while saving the import")
                : ValueTask.FromResult(result);
    }
}

public sealed class SqliteContentImporterTests() : ContentImporterTests(DatabaseProvider.Sqlite);

public sealed class PostgresContentImporterTests() : ContentImporterTests(DatabaseProvider.PostgreSql);

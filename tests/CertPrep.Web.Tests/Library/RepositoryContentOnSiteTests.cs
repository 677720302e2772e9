using System.Net;
using CertPrep.Tests.Shared;
using CertPrep.Web.Data;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Library;

/// <summary>
/// The repository's own <c>content/</c> (CPIM and CSCP) on the real site: it imports without a problem, every
/// module renders with its worked examples and glossary links and without any script from the content, and a full
/// mock exam can be assembled from the real pools in the blueprint's proportions.
/// </summary>
public sealed class RepositoryContentOnSiteTests(RepositoryContentOnSiteTests.Site site) : IClassFixture<RepositoryContentOnSiteTests.Site>
{
    [Fact]
    public async Task RepositoryContent_ImportsWithoutProblems_AndEveryModuleRendersSafely()
    {
        var problems = await site.QueryAsync(db => db.ContentProblems.Select(p => $"{p.Path}:{p.Line}:{p.Column}: {p.Code} {p.Message}").ToListAsync());
        problems.ShouldBeEmpty();
        var learner = await site.LearnerAsync();
        var modules = await site.QueryAsync(db => db.Modules.Select(m => m.Id).ToListAsync());
        modules.Count.ShouldBeGreaterThanOrEqualTo(33, "16 ASCM modules and 17 Lean Six Sigma modules");

        foreach (var id in modules)
        {
            var page = await learner.GetDocumentAsync($"/Modules/{id}");
            var main = page.QuerySelector("main").ShouldNotBeNull($"/Modules/{id}");
            main.QuerySelectorAll("script").Length.ShouldBe(0, $"/Modules/{id}: content never brings a script");
            main.QuerySelectorAll("aside.callout-example").Length.ShouldBeGreaterThanOrEqualTo(id.EndsWith("formula-sheet", StringComparison.Ordinal) ? 0 : 2, $"/Modules/{id}: worked examples");
            main.QuerySelectorAll("a[href^='/Glossary#']").Length.ShouldBeGreaterThan(0, $"/Modules/{id}: glossary links");
            main.QuerySelectorAll("img").ShouldAllBe(img => !string.IsNullOrWhiteSpace(img.GetAttribute("alt")));
        }

        var glossary = await learner.GetDocumentAsync("/Glossary");
        glossary.QuerySelectorAll("main [id]").Length.ShouldBeGreaterThanOrEqualTo(550, "404 ASCM terms and about 250 Lean Six Sigma terms");
    }

    [Theory]
    [InlineData("cpim")]
    [InlineData("cscp")]
    [InlineData("lss-green-belt")]
    [InlineData("lss-black-belt")]
    public async Task FullMockExam_IsAssembledFromTheRealPools_InTheBlueprintsProportions(string credential)
    {
        var (items, scoredItems, scored) = Blueprints[credential];
        var learner = await site.LearnerAsync(credential);

        var id = await learner.StartExamAsync("Full", credential);

        var form = await site.QueryAsync(db => db.AttemptItems.Where(i => i.AttemptId == id).ToListAsync());
        form.Count.ShouldBe(items);
        form.Count(i => i.IsPretest).ShouldBe(items - scoredItems);
        form.Select(i => i.QuestionId).Distinct().Count().ShouldBe(items);
        foreach (var (domain, expected) in scored)
        {
            var count = form.Count(i => !i.IsPretest && i.DomainId == domain);
            Math.Abs(count - expected).ShouldBeLessThanOrEqualTo(1.0, $"{credential}/{domain}: {count} scored items, blueprint {expected}");
        }
    }

    /// <summary>Items on the default form, scored items, and each domain's scored items by the blueprint.</summary>
    private static readonly Dictionary<string, (int Items, int Scored, (string Domain, double Expected)[] Domains)> Blueprints = new()
    {
        ["cpim"] = (150, 130, Percent(("strategy", 22), ("sop", 10), ("demand", 9), ("supply", 16), ("schedules", 12), ("inventory", 14), ("distribution", 3), ("quality", 14))),
        ["cscp"] = (150, 130, Percent(("demand", 10), ("network", 10), ("sourcing", 17), ("operations", 19), ("logistics", 11), ("relationships", 11), ("risk", 11), ("optimization", 11))),
        ["lss-green-belt"] = (110, 100, [("overview", 11), ("define", 20), ("measure", 20), ("analyze", 18), ("improve", 16), ("control", 15)]),
        ["lss-black-belt"] = (165, 150, [("deployment", 12), ("process-management", 10), ("team", 16), ("define", 20), ("measure", 25), ("analyze", 22), ("improve", 21), ("control", 17), ("dfss", 7)]),
    };

    private static (string, double)[] Percent(params (string Domain, int Percent)[] weights) =>
        [.. weights.Select(w => (w.Domain, w.Percent * 130 / 100.0))];

    /// <summary>The site on a SQLite file with a copy of the repository's content folder.</summary>
    public sealed class Site : IAsyncLifetime
    {
        private TestDatabase? _database;
        private CertPrepFactory? _factory;

        private CertPrepFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

        public async Task InitializeAsync()
        {
            _database = TestDatabase.Create(DatabaseProvider.Sqlite);
            _factory = new CertPrepFactory(_database);
            CopyDirectory(Path.Combine(RepositoryRoot(), "content"), Factory.ContentDirectory);
            using var warmUp = Factory.CreateClient();
            await Task.CompletedTask;
        }

        /// <summary>A signed-in learner, enrolled in the credential when one is given.</summary>
        public async Task<HttpClient> LearnerAsync(string? credential = null) => (await LearnerWithIdAsync(credential)).Client;

        /// <summary>A signed-in learner and their user id.</summary>
        public async Task<(HttpClient Client, string UserId)> LearnerWithIdAsync(string? credential = null)
        {
            var email = Infrastructure.Accounts.NewEmail();
            var user = await Factory.CreateUserAsync(email, Infrastructure.Accounts.Password);
            var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            (await client.SignInAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            if (credential is not null)
            {
                var enrol = await client.SubmitFormAsync("/Enrolments", new Dictionary<string, string> { ["Input.CredentialId"] = credential }, $"form:has(input[value='{credential}'])");
                enrol.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            }

            return (client, user.Id);
        }

        public async Task<T> QueryAsync<T>(Func<CertPrepDbContext, Task<T>> query)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await query(scope.ServiceProvider.GetRequiredService<CertPrepDbContext>());
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

        private static string RepositoryRoot()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "CertPrep.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException($"No CertPrep.sln above {AppContext.BaseDirectory}.");
        }

        private static void CopyDirectory(string from, string to)
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }
    }
}

using System.Net;
using CertPrep.Web.Accounts;
using CertPrep.Web.Tests.Infrastructure;

namespace CertPrep.Web.Tests.Accounts;

public abstract class AuthorizationTests(AppFixture app)
{
    [Theory]
    [InlineData("/Author")]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Jobs")]
    public async Task Learner_IsForbidden_OnAuthorAndAdminPages(string url)
    {
        using var client = await app.SignedInClientAsync();
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("You do not have access to this page");
    }

    [Fact]
    public async Task Learner_IsForbidden_ToPostAdminForms()
    {
        using var client = await app.SignedInClientAsync();
        var dashboard = await client.GetDocumentAsync("/Dashboard"); // any page, for a valid antiforgery token
        var token = dashboard.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var response = await client.PostAsync("/Admin/Jobs?handler=Trigger",
            new FormUrlEncodedContent([new("name", "prune-job-history"), new("__RequestVerificationToken", token)]));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Learner_SeesDashboard()
    {
        using var client = await app.SignedInClientAsync();
        using var response = await client.GetAsync("/Dashboard");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Author_SeesAuthorPages_ButNotAdminPages()
    {
        using var client = await app.SignedInClientAsync(Roles.Author);
        (await client.GetAsync("/Author")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/Admin/Users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/Author")]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Jobs")]
    public async Task Admin_SeesAuthorAndAdminPages(string url)
    {
        using var client = await app.SignedInClientAsync(Roles.Admin);
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Navigation_ShowsOnlyWhatTheRoleMayOpen()
    {
        using var learner = await app.SignedInClientAsync();
        var page = await learner.GetDocumentAsync("/Dashboard");
        var links = page.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldContain("/Dashboard");
        links.ShouldNotContain("/Author");
        links.ShouldNotContain("/Admin/Users");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAuthorizationTests(SqliteAppFixture app) : AuthorizationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuthorizationTests(PostgresAppFixture app) : AuthorizationTests(app);

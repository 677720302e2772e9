using System.Net;
using CertPrep.Web.Tests.Infrastructure;

namespace CertPrep.Web.Tests.Pages;

public abstract class AnonymousAccessTests(AppFixture app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    public async Task PublicPage_IsServed_WhenAnonymous(string url)
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/Dashboard")]
    [InlineData("/Account/ChangePassword")]
    [InlineData("/Author")]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Jobs")]
    public async Task ProtectedPage_RedirectsToSignIn_WhenAnonymous(string url)
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"http://localhost/Account/Login?ReturnUrl={Uri.EscapeDataString(url)}");
    }

    [Fact]
    public async Task ProtectedPost_RedirectsToSignIn_WhenAnonymous()
    {
        using var client = app.NewClient();
        using var response = await client.PostAsync("/Admin/Jobs?handler=Trigger", new FormUrlEncodedContent([new("name", "prune-job-history")]));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [Fact]
    public async Task Health_ReportsDatabaseReachable()
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("\"status\":\"Healthy\"");
        body.ShouldContain("\"database\"");
    }

    [Fact]
    public async Task UnknownPage_ShowsFriendlyNotFound()
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync("/no/such/page");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }

    [Fact]
    public async Task EveryResponse_CarriesSecurityHeaders()
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync("/");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["strict-origin-when-cross-origin"]);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("script-src 'self';");
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldContain("object-src 'none'");
        policy.ShouldNotContain("unsafe-inline");
        policy.ShouldNotContain("unsafe-eval");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAnonymousAccessTests(SqliteAppFixture app) : AnonymousAccessTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAnonymousAccessTests(PostgresAppFixture app) : AnonymousAccessTests(app);

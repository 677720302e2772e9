using System.Net;
using CertPrep.Tests.Shared;
using CertPrep.Web.Data;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Hosting;

/// <summary>
/// Behind a reverse proxy: forwarded scheme and client address are taken only from known proxies; HTTPS through one
/// makes every cookie Secure and sends HSTS; the rate limiter tells clients behind the same proxy apart.
/// </summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.5";
    private readonly TestDatabase _database = TestDatabase.Create(DatabaseProvider.Sqlite);
    private CertPrepFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new CertPrepFactory(
            _database,
            new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = Proxy, ["RateLimits:SignInPerMinute"] = "2" },
            services => services.AddTransient<IStartupFilter, PeerAddress>());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task HttpsThroughAKnownProxy_MakesCookiesSecure_AndSendsHsts()
    {
        var email = Infrastructure.Accounts.NewEmail();
        await _factory.CreateUserAsync(email, Infrastructure.Accounts.Password);
        var client = Client(Proxy, "203.0.113.7", "https", cookies: false);

        // The client speaks plain HTTP to the test server, so it would not send Secure cookies back: send them by hand.
        var login = await client.GetAsync("/Account/Login");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent([new("Input.Email", email), new("Input.Password", Infrastructure.Accounts.Password), new("__RequestVerificationToken", LearningRequests.Token(await HtmlForms.ParseAsync(login)))]),
        };
        post.Headers.Add("Cookie", Cookie(login, "certprep.af").Split(';')[0]);
        var signIn = await client.SendAsync(post);

        login.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=");
        Flags(login, "certprep.af").ShouldContain("secure");
        Flags(login, "certprep.af").ShouldContain("httponly");
        Flags(login, "certprep.af").ShouldContain("samesite=strict");
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var auth = Flags(signIn, "certprep.auth");
        auth.ShouldContain("secure");
        auth.ShouldContain("httponly");
        auth.ShouldContain("samesite=lax");
    }

    [Fact]
    public async Task ForwardedHeadersFromAnUnknownPeer_AreIgnored()
    {
        var login = await Client("10.0.0.66", "203.0.113.7", "https").GetAsync("/Account/Login");

        login.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("the request was plain HTTP: the forwarded scheme is not trusted");
        Flags(login, "certprep.af").ShouldNotContain("secure");
        Flags(login, "certprep.af").ShouldContain("httponly");
    }

    [Fact]
    public async Task ClientsBehindTheSameProxy_HaveTheirOwnSignInLimit()
    {
        var first = Client(Proxy, "203.0.113.10", "http");
        var second = Client(Proxy, "203.0.113.11", "http");

        for (var attempt = 0; attempt < 2; attempt++)
        {
            (await first.SignInAsync(Infrastructure.Accounts.NewEmail(), "a wrong guess")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await first.SignInAsync(Infrastructure.Accounts.NewEmail(), "a wrong guess")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await second.SignInAsync(Infrastructure.Accounts.NewEmail(), "a wrong guess")).StatusCode.ShouldBe(HttpStatusCode.OK, "another client behind the same proxy");
    }

    private HttpClient Client(string peer, string client, string scheme, bool cookies = true)
    {
        // A host name of its own: HSTS is never sent to localhost.
        var http = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies, BaseAddress = new Uri("http://certprep.example/") });
        http.DefaultRequestHeaders.Add(PeerAddress.Header, peer);
        http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", scheme);
        return http;
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    /// <summary>The cookie's attributes (after its value), in lower case.</summary>
    private static string Flags(HttpResponseMessage response, string name) =>
        string.Join(';', Cookie(response, name).Split(';').Skip(1)).ToLowerInvariant();

    /// <summary>The test server has no TCP peer: this sets one from a test header, as a proxy's connection would.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
